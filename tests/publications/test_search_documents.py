import pytest

from center.publications import search_documents
from center.publications.models import Whitepaper

from .factories import PersonFactory, WhitepaperAuthorFactory, WhitepaperFactory


@pytest.fixture
def paper(demo_pages):
    paper = WhitepaperFactory(slug="ethics", title="AI Ethics", subtitle="A Primer",
                              abstract="On values.",
                              zh={"title": "人工智能伦理", "abstract": "关于价值。"})
    WhitepaperAuthorFactory(whitepaper=paper, person=PersonFactory(name="Tian Feng",
                                                                   zh={"name": "田丰"}))
    return paper


def test_one_document_per_language_the_paper_is_written_in(paper):
    documents = sorted(search_documents.documents_for(paper), key=lambda d: d["language"])

    assert documents == [
        {"language": "en", "title": "AI Ethics", "body": "A Primer\n\nOn values.\n\nTian Feng",
         "url": "/en/whitepapers/ethics/"},
        {"language": "zh-hans", "title": "人工智能伦理", "body": "关于价值。\n\n田丰",
         "url": "/zh-hans/whitepapers/ethics/"},
    ]
    assert search_documents.KIND == "whitepaper"


def test_hidden_papers_have_no_documents_and_are_not_searchable(paper):
    draft = WhitepaperFactory(draft=True)
    later = WhitepaperFactory(scheduled=True)

    assert search_documents.documents_for(draft) == []
    assert search_documents.documents_for(later) == []
    assert list(search_documents.searchable_objects()) == [paper]


def test_the_models_to_watch_include_translations_and_authors():
    assert Whitepaper in search_documents.WATCH_MODELS
    assert Whitepaper._parler_meta.root_model in search_documents.WATCH_MODELS
    assert any(m.__name__ == "WhitepaperAuthor" for m in search_documents.WATCH_MODELS)
