"""Search across the two languages, the type filters and their counts, and the language
chooser keeping the query."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from center.search.services import search_reindex_all
from tests.events.factories import EventFactory
from tests.news import factories as news
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.usefixtures("demo_pages")


def _get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200
    return response.content.decode()


def _other_section(html: str) -> str:
    match = re.search(r'<section class="search-other".*?</section>', html, re.S)
    return match.group(0) if match else ""


def test_a_chinese_query_on_the_english_site_offers_the_chinese_results(client):
    search_reindex_all()
    html = _get(client, "/en/search/", q="人工智能")
    assert "0 results for “人工智能”" in html
    section = _other_section(html)
    assert "Results in Chinese (中文)" in section and 'lang="zh-hans"' in section
    links = re.findall(r'<a href="([^"]+)" hreflang="zh-hans" lang="zh-hans">', section)
    assert links and all(link.startswith("/zh-hans/") for link in links)
    assert "Nothing matched. Try fewer" not in html  # the section is the answer


def test_an_english_query_on_the_chinese_site_offers_the_english_results(client):
    search_reindex_all()
    html = _get(client, "/zh-hans/search/", q="ethics")
    section = _other_section(html)
    assert "英文结果" in section
    links = re.findall(r'<a href="([^"]+)" hreflang="en" lang="en">', section)
    assert links and all(link.startswith("/en/") for link in links)


def test_plenty_of_results_in_the_visitors_language_show_no_other_language_section(client):
    search_reindex_all()
    html = _get(client, "/en/search/", q="ethics")
    assert int(re.search(r"(\d+) results for “ethics”", html).group(1)) >= 3
    assert not _other_section(html)


def test_type_filters_count_the_results_and_keep_the_query(client):
    EventFactory(title="Seminar on quokkanomics")
    EventFactory(title="Workshop on quokkanomics")
    PersonFactory(name="Ada Lovequokka", short_bio="Studies quokkanomics in AI.")
    news.story("Quokkanomics report published", slug="quokkanomics-report")
    search_reindex_all()

    html = _get(client, "/en/search/", q="quokkanomics")
    filters = re.search(r'<nav class="search-filters".*?</nav>', html, re.S).group(0)
    assert re.search(r'href="\?q=quokkanomics" aria-current="true">All '
                     r'<span class="search-filters__count">4</span>', filters)
    assert re.search(r'href="\?q=quokkanomics&amp;type=events">Events '
                     r'<span class="search-filters__count">2</span>', filters)
    assert ">Speakers <span class=\"search-filters__count\">1</span>" in filters
    assert "type=whitepapers" not in filters  # no whitepaper matches: no empty filter

    events = _get(client, "/en/search/", q="quokkanomics", type="events")
    assert "2 results for “quokkanomics”" in events
    assert set(re.findall(r'class="search-result__kind">(\w+)<', events)) == {"Event"}
    assert 'name="type" value="events"' in events  # a new query keeps the filter
    assert _get(client, "/en/search/", q="quokkanomics", type="nonsense").count(
        'class="search-result"') == 4


def test_pages_of_a_filtered_search_keep_the_filter(client):
    for n in range(12):
        EventFactory(title=f"Workshop number {n} on quokkas")
    search_reindex_all()
    html = _get(client, "/en/search/", q="quokka", type="events")
    assert 'href="?q=quokka&amp;type=events&amp;page=2" rel="next"' in html


def test_switching_language_keeps_the_query_and_the_filter(client):
    html = _get(client, "/en/search/", q="AI & law", type="news", page="2")
    assert 'href="/zh-hans/search/?q=AI%20%26%20law&amp;type=news" lang="zh-hans"' in html
    # Elsewhere the chooser links to the page itself, with nothing added.
    assert 'href="/zh-hans/news/" lang="zh-hans"' in _get(client, "/en/news/", q="x")


def _queries(client, path, **params) -> int:
    client.get(path, params)  # the first request loads URLs and templates
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, params).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_results(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    EventFactory(title="Lonely quokkanomics")
    search_reindex_all()
    # One match, so the other language is searched too; and a filter.
    few = _queries(client, "/en/search/", q="quokkanomics", type="events")
    for n in range(30):
        EventFactory(title=f"Seminar {n} on quokkanomics")
    news.story("Quokkanomics in Chinese", slug="q-zh", languages=("en", "zh-hans"))
    search_reindex_all()
    assert _queries(client, "/en/search/", q="quokkanomics", type="events") <= few
    assert _queries(client, "/en/search/", q="人工智能") <= few
