import re

import pytest
from django.db import connection

from center.search.models import SearchEntry
from center.search.services import search_reindex_all
from tests.events.factories import EventFactory
from tests.news import factories as news
from tests.people.factories import PersonFactory

pytestmark = pytest.mark.usefixtures("demo_pages")
needs_postgres = pytest.mark.skipif(connection.vendor != "postgresql",
                                    reason="PostgreSQL full-text search")


def _titles(html: str) -> list[str]:
    titles = re.findall(r'class="search-result__title"><a href="[^"]*">(.+?)</a>', html)
    return [re.sub(r"</?mark>", "", title) for title in titles]


def _search(client, q, language="en", **params):
    response = client.get(f"/{language}/search/", {"q": q, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_results_span_the_content_types_with_their_type_and_a_highlight(client):
    EventFactory(title="Seminar on quokkanomics", summary="Panel and keynote.")
    PersonFactory(name="Ada Lovequokka", short_bio="Studies quokkanomics in AI.")
    news.story("Quokkanomics report published", slug="quokkanomics-report")
    EventFactory(title="Draft quokkanomics event", draft=True)
    search_reindex_all()

    html = _search(client, "quokkanomics")
    titles = _titles(html)
    assert set(titles) == {"Seminar on quokkanomics", "Ada Lovequokka",
                           "Quokkanomics report published"}
    for kind in ("Event", "Speaker", "News"):
        assert f'<p class="search-result__kind">{kind}</p>' in html
    assert "<mark>quokkanomics</mark>" in html.lower()
    assert "3 results for “quokkanomics”" in html


def test_results_are_in_the_visitors_language(client):
    news.story("Bilingual quokka story", slug="bilingual", languages=("en", "zh-hans"))
    search_reindex_all()
    assert _titles(_search(client, "quokka")) == ["Bilingual quokka story"]
    assert _titles(_search(client, "quokka", language="zh-hans")) == [
        "Bilingual quokka story (中文)"]
    assert 'href="/zh-hans/news/bilingual/"' in _search(client, "quokka", language="zh-hans")


def test_cms_pages_are_found_by_their_text(client):
    search_reindex_all()
    html = _search(client, "Runaround")  # the About article's sidebar: the Three Laws
    assert "Ethical and Responsible AI" in _titles(html)


def test_results_are_paginated_and_bad_page_numbers_fall_back(client):
    for n in range(13):
        EventFactory(title=f"Workshop number {n} on quokkas")
    search_reindex_all()
    first = _search(client, "quokka workshop")
    assert len(_titles(first)) == 10 and "Page 1 of 2" in first
    assert len(_titles(_search(client, "quokka workshop", page=2))) == 3
    assert len(_titles(_search(client, "quokka workshop", page="abc"))) == 10


@pytest.mark.parametrize("query", [
    "", " ", "a" * 1000, '"', "\"unclosed quote", "&|!", "ethics & | ! ( ) :*", "' OR 1=1 --",
    "'; DROP TABLE search_searchentry; --", "😀🤖", "<script>alert(1)</script>", "\x00ethics",
    "-", "or", "NOT AND OR", "伦理\"", "%_\\",
])
def test_odd_queries_give_a_normal_page(client, query):
    search_reindex_all()
    html = _search(client, query)
    assert "<script>alert(1)</script>" not in html
    assert SearchEntry.objects.exists()  # and nothing was dropped


def test_the_query_is_echoed_escaped(client):
    html = _search(client, '<img src=x onerror=alert(1)>')
    assert "<img src=x" not in html and "&lt;img src=x" in html


@pytest.mark.parametrize("count", [5, 50])
def test_results_page_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    for n in range(count):
        EventFactory(title=f"Quokka meeting {n}")
    search_reindex_all()
    _search(client, "quokka")
    with django_assert_max_num_queries(12):
        assert len(_titles(_search(client, "quokka"))) == min(count, 10)


@needs_postgres
def test_titles_weigh_more_than_body_text(client):
    EventFactory(title="Lecture", summary="A lecture mentioning transparency once.")
    EventFactory(title="Transparency forum", summary="A forum.")
    search_reindex_all()
    assert _titles(_search(client, "transparency")) == ["Transparency forum", "Lecture"]


@needs_postgres
def test_english_words_match_their_stems(client):
    EventFactory(title="Quokkas and their keepers", summary="")
    search_reindex_all()
    assert _titles(_search(client, "quokka keeper")) == ["Quokkas and their keepers"]


@needs_postgres
def test_vectors_are_stored_and_indexed_not_computed_per_query():
    EventFactory(title="Stored vector")
    search_reindex_all()
    assert not SearchEntry.objects.filter(vector__isnull=True).exists()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'search_entry_vector_gin'")
        assert "gin (vector)" in cursor.fetchone()[0]


@needs_postgres
def test_chinese_words_inside_a_sentence_are_found(client):
    news.story("Ethics story", slug="zh-ethics", languages=("en", "zh-hans"),
               abstract="<p>本中心致力于人工智能伦理与计算法学研究。</p>")
    search_reindex_all()
    # The demo pages speak of 人工智能 and 伦理 too; the story must be among the results.
    assert "Ethics story (中文)" in _titles(_search(client, "人工智能伦理", language="zh-hans"))
    assert "Ethics story (中文)" in _titles(_search(client, "计算法学", language="zh-hans"))
    assert "Ethics story (中文)" not in _titles(_search(client, "机器人", language="zh-hans"))


def test_the_results_page_speaks_chinese(client):
    EventFactory(title="Quokka forum")
    search_reindex_all()
    html = _search(client, "不存在的词", language="zh-hans")
    assert "站内搜索" in html and "没有找到匹配的内容" in html


@needs_postgres
def test_the_chinese_code_of_ethics_is_found_by_a_chinese_phrase(client):
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    html = _search(client, "人工智能伦理", language="zh-hans")
    assert '<p class="search-result__kind">伦理准则</p>' in html
    assert 'href="/zh-hans/code-of-ethics/"' in html
