from center.search.sources import all_sources


def test_sources_are_the_cms_pages_then_every_app_that_offers_search_documents():
    sources = all_sources()
    assert next(iter(sources)) == "page"
    assert set(sources) == {"page", "person", "event", "news", "principle", "code",
                            "whitepaper"}


def test_an_app_may_offer_more_than_one_source():
    sources = all_sources()
    assert sources["principle"].__name__ == "center.ethics.search_documents"
    assert sources["code"].__name__ == "center.ethics.search_documents_code"
