import hashlib
import json
import re
from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from django.utils import translation

from center.core.links import site_root

from .factories import (
    PersonFactory,
    TopicFactory,
    WhitepaperAuthorFactory,
    WhitepaperFactory,
)

LIST = "/en/whitepapers/"
DETAIL = "/en/whitepapers/ai-and-law/"
# Measured with a warm cache: seven for the CMS (URL, page, menu, placeholder), three for the
# filters (topics, their names, years), the page count, and one each for the papers, their
# translations, topics, topic names, authors with their people, and the people's names.
# The same bound must hold for 5 and 50 papers.
LIST_QUERIES = 17

pytestmark = pytest.mark.usefixtures("demo_pages")


def _json_ld(html: str) -> dict:
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(body)


def _person_url(person) -> str:
    with translation.override("en"):
        return person.get_absolute_url()


def test_whitepapers_page_is_fine_without_papers(client):
    for url in (LIST, "/zh-hans/whitepapers/"):
        assert client.get(url).status_code == 200
    assert "No whitepapers have been published yet." in client.get(LIST).content.decode()
    assert "暂无已发布的白皮书。" in client.get("/zh-hans/whitepapers/").content.decode()


def test_list_shows_published_papers_newest_first_and_hides_the_rest(client):
    WhitepaperFactory(title="Older Paper", publication_date=date(2019, 3, 1))
    WhitepaperFactory(title="Newer Paper", publication_date=date(2022, 5, 1))
    WhitepaperFactory(title="Secret Draft", draft=True)
    WhitepaperFactory(title="Not Yet Out", scheduled=True)

    html = client.get(LIST).content.decode()

    assert re.findall(r'class="whitepaper-card__link" href="[^"]+">([^<]+)</a>', html) == [
        "Newer Paper", "Older Paper"]
    assert "Secret Draft" not in html and "Not Yet Out" not in html
    assert "May 2022" in html


def test_list_filters_by_topic_and_year(client):
    ethics = TopicFactory(slug="ai-ethics", name="AI ethics", zh={"name": "AI伦理"})
    WhitepaperFactory(title="Ethics 2021", publication_date=date(2021, 6, 1)).topics.add(ethics)
    WhitepaperFactory(title="Ethics 2019", publication_date=date(2019, 6, 1)).topics.add(ethics)
    WhitepaperFactory(title="Law 2021", publication_date=date(2021, 1, 1))

    by_topic = client.get(LIST, {"topic": "ai-ethics"}).content.decode()
    both = client.get(LIST, {"topic": "ai-ethics", "year": "2021"}).content.decode()
    chinese = client.get("/zh-hans/whitepapers/").content.decode()

    assert "Ethics 2021" in by_topic and "Ethics 2019" in by_topic and "Law 2021" not in by_topic
    assert '<option value="ai-ethics" selected>AI ethics</option>' in by_topic
    assert "Ethics 2021" in both and "Ethics 2019" not in both and "Law 2021" not in both
    assert '<option value="2021" selected>2021</option>' in both
    assert '<option value="ai-ethics">AI伦理</option>' in chinese


@pytest.mark.parametrize("query", [{"topic": "no-such-topic"}, {"topic": "bad\x00slug"},
                                   {"year": "abc"}, {"year": "1850"}, {"page": "999"},
                                   {"page": "x"}, {"page": "-1"}, {"year": "", "page": "0"}])
def test_bad_filters_and_pages_fall_back_to_the_first_page(client, query):
    for n in range(15):
        WhitepaperFactory(title=f"Paper P{n:02}", publication_date=date(2020, 1, n + 1))

    response = client.get(LIST, query)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Paper P14" in html and "Page 1 of 2" in html


def test_list_paginates_twelve_to_a_page(client):
    for n in range(14):
        WhitepaperFactory(title=f"Paper P{n:02}", publication_date=date(2020, 1, n + 1))

    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()

    assert "Paper P02" in first and "Paper P01" not in first
    assert "Paper P01" in second and "Paper P00" in second and 'rel="prev"' in second


@pytest.mark.parametrize("count", [5, 50])
def test_list_query_count_does_not_grow_with_papers(client, django_assert_max_num_queries,
                                                    count):
    topics = [TopicFactory(), TopicFactory()]
    people = [PersonFactory(zh={"name": f"作者{n}"}) for n in range(7)]
    for i in range(count):
        paper = WhitepaperFactory(zh={"title": f"白皮书{i}"},
                                  publication_date=date(2015 + i % 8, 1, 1))
        paper.topics.set(topics)
        WhitepaperAuthorFactory(whitepaper=paper, person=people[i % 7])
        WhitepaperAuthorFactory(whitepaper=paper)
    client.get(LIST)  # warm the CMS's own caches, as on a live site

    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(LIST)

    assert response.content.decode().count('class="whitepaper-card"') == min(count, 12)


def test_detail_shows_the_paper_authors_pdf_facts_and_citation_box(client, whitepaper):
    whitepaper.version, whitepaper.doi, whitepaper.isbn = "2.0", "10.1000/xyz123", "9783161484100"
    whitepaper.save()

    html = client.get(DETAIL).content.decode()

    assert "<h1>AI and Law</h1>" in html
    assert f'<a href="{_person_url(whitepaper.authors.get())}">Yang Li</a>' in html
    assert "Institute of Law" in html and "June 2021" in html
    assert f"<code class=\"whitepaper__hash\">{whitepaper.pdf_sha256}</code>" in html
    assert 'href="/en/whitepapers/ai-and-law/download/"' in html and "2 pages" in html
    assert '<a href="https://doi.org/10.1000/xyz123">10.1000/xyz123</a>' in html
    assert 'href="/en/whitepapers/?topic=ai-ethics">AI ethics</a>' in html
    assert "Cite this whitepaper" in html and "@techreport{ai-and-law-2021," in html
    assert 'href="/en/whitepapers/ai-and-law/cite.ris"' in html
    assert ("Yang Li. AI and Law (2.0). Institute of Law, June 2021. "
            "https://doi.org/10.1000/xyz123") in html


def test_detail_has_google_scholar_and_schema_org_metadata(client, whitepaper):
    html = client.get(DETAIL).content.decode()

    assert '<meta name="citation_title" content="AI and Law">' in html
    assert '<meta name="citation_author" content="Yang Li">' in html
    assert '<meta name="citation_publication_date" content="2021/06">' in html
    assert ('<meta name="citation_pdf_url" '
            f'content="{site_root()}/en/whitepapers/ai-and-law/download/">') in html
    data = _json_ld(html)
    assert data["@type"] == "Report" and data["name"] == "AI and Law"
    assert data["author"] == [{"@type": "Person", "name": "Yang Li",
                               "url": f"{site_root()}/en/speakers/yang-li/"}]
    assert data["encoding"]["sha256"] == whitepaper.pdf_sha256


def test_json_ld_and_meta_tags_are_escaped(client, whitepaper):
    whitepaper.set_current_language("en")
    whitepaper.title = 'AI </script><script>alert(1)</script> & "Law"'
    whitepaper.save()

    html = client.get(DETAIL).content.decode()

    assert "<script>alert(1)" not in html
    assert _json_ld(html)["name"] == whitepaper.title
    assert ('content="AI &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; '
            '&amp; &quot;Law&quot;"') in html


def test_chinese_page_speaks_chinese_and_untranslated_papers_say_so(client, whitepaper):
    html = client.get("/zh-hans/whitepapers/ai-and-law/").content.decode()
    assert "尚未翻译" in html and '<article class="whitepaper" lang="en">' in html
    assert "发布机构" in html and "2021年6月" in html

    whitepaper.set_current_language("zh-hans")
    whitepaper.title = "人工智能与法律"
    whitepaper.issuing_body = "法学研究院"
    whitepaper.save()
    # Headings break between Chinese words (typography.word_breaks).
    html = client.get("/zh-hans/whitepapers/ai-and-law/").content.decode().replace("<wbr>", "")
    assert "尚未翻译" not in html and "<h1>人工智能与法律</h1>" in html
    assert "人工智能与法律[R]. 法学研究院, 2021." in html


def test_language_switcher_and_alternates_stay_on_the_paper(client, whitepaper):
    html = client.get(DETAIL).content.decode()
    assert 'href="/zh-hans/whitepapers/ai-and-law/" lang="zh-hans"' in html
    assert f'hreflang="zh-hans" href="{site_root()}/zh-hans/whitepapers/ai-and-law/"' in html


def test_non_public_author_is_named_without_a_link(client, whitepaper):
    person = whitepaper.authors.get()
    person.is_public = False
    person.save()
    html = client.get(DETAIL).content.decode()
    assert "Yang Li" in html and f'href="{_person_url(person)}"' not in html


def test_authors_keep_their_byline_order(client, whitepaper):
    whitepaper.authorships.update(order=5)
    WhitepaperAuthorFactory(whitepaper=whitepaper, order=1,
                            person=PersonFactory(slug="ji", name="Ji Weidong"))
    html = client.get(DETAIL).content.decode()
    assert html.index("Ji Weidong") < html.index("Yang Li")


def test_unknown_slug_gets_the_friendly_404(client):
    for url in ("/en/whitepapers/no-such-paper/", "/en/whitepapers/no-such-paper/download/",
                "/en/whitepapers/no-such-paper/cite.bib"):
        response = client.get(url)
        assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_drafts_are_404_for_visitors_and_previewable_by_staff(client, staff_user):
    draft = WhitepaperFactory(slug="draft-paper", draft=True, with_pdf=True)
    later = WhitepaperFactory(slug="later-paper", scheduled=True)
    for url in ("/en/whitepapers/draft-paper/", "/en/whitepapers/draft-paper/download/",
                "/en/whitepapers/draft-paper/cite.ris", "/en/whitepapers/later-paper/"):
        assert client.get(url).status_code == 404, url

    client.force_login(staff_user)
    response = client.get(draft.get_absolute_url("en"))
    assert response.status_code == 200 and "Draft preview" in response.content.decode()
    assert "private" in response["Cache-Control"]
    scheduled = client.get(later.get_absolute_url("en")).content.decode()
    assert "Scheduled: visitors will see" in scheduled
    assert client.get("/en/whitepapers/draft-paper/download/").status_code == 200
    draft.refresh_from_db()
    assert draft.download_count == 0  # staff previews are not downloads


def test_download_streams_the_pdf_as_an_attachment_and_counts(client, whitepaper):
    response = client.get("/en/whitepapers/ai-and-law/download/")
    body = b"".join(response.streaming_content)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ai-and-law.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert body.startswith(b"%PDF-")
    assert hashlib.sha256(body).hexdigest() == whitepaper.pdf_sha256
    client.get("/en/whitepapers/ai-and-law/download/")
    client.head("/en/whitepapers/ai-and-law/download/")
    whitepaper.refresh_from_db()
    assert whitepaper.download_count == 2


def test_download_name_is_ascii_whatever_the_title(client):
    WhitepaperFactory(slug="ethics-2021", title="伦理 “准则”; v2", with_pdf=True)
    response = client.get("/zh-hans/whitepapers/ethics-2021/download/")
    assert response["Content-Disposition"] == 'attachment; filename="ethics-2021.pdf"'


def test_paper_without_a_pdf_has_no_download(client):
    WhitepaperFactory(slug="no-pdf")
    assert client.get("/en/whitepapers/no-pdf/download/").status_code == 404
    assert "Download PDF" not in client.get("/en/whitepapers/no-pdf/").content.decode()


def test_a_pdf_missing_from_storage_is_404_not_500(client, whitepaper):
    whitepaper.pdf.file.delete(save=False)
    assert client.get("/en/whitepapers/ai-and-law/download/").status_code == 404


def test_citation_files_are_served_with_their_types(client, whitepaper):
    cases = {"cite.bib": ("application/x-bibtex", "@techreport{"),
             "cite.ris": ("application/x-research-info-systems", "TY  - RPRT"),
             "cite.json": ("application/vnd.citationstyles.csl+json", '"type": "report"')}
    for name, (content_type, start) in cases.items():
        response = client.get(f"{DETAIL}{name}")
        assert response["Content-Type"].startswith(content_type)
        assert start in response.content.decode()
        assert f'filename="ai-and-law.{name.split(".")[1]}"' in response["Content-Disposition"]


def test_breadcrumbs_lead_home_through_the_whitepapers_page(client, whitepaper):
    html = client.get("/zh-hans/whitepapers/ai-and-law/").content.decode()
    crumbs = html.split('<nav class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/zh-hans/", "首页"), ("/zh-hans/whitepapers/", "白皮书")]


def test_styles_are_included_through_sekizai(client, whitepaper):
    for url in (LIST, DETAIL):
        html = client.get(url).content.decode()
        head = html.split("</head>", 1)[0]
        assert '<link rel="stylesheet" href="/static/publications/css/publications.css">' in head



# The CMS's own lookups (nine) and six for the paper with its translations, topics, topic
# names, authors with their people, and the people's names, however many authors it has.
DETAIL_QUERIES = 15


@pytest.mark.parametrize("count", [1, 8])
def test_detail_query_count_does_not_grow_with_authors(client, django_assert_max_num_queries,
                                                       whitepaper, count):
    for _ in range(count):
        WhitepaperAuthorFactory(whitepaper=whitepaper, person=PersonFactory(zh={"name": "某人"}))
    client.get(DETAIL)
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert client.get(DETAIL).status_code == 200


def test_behind_nginx_the_download_is_handed_over_with_x_accel_redirect(client, whitepaper,
                                                                         settings):
    settings.X_ACCEL_REDIRECT_PREFIX = "/internal-media/"
    response = client.get("/en/whitepapers/ai-and-law/download/")

    assert response.status_code == 200 and response.content == b""
    target = response["X-Accel-Redirect"]
    assert target.startswith("/internal-media/filer_public/")
    stored = Path(settings.MEDIA_ROOT) / unquote(target.removeprefix("/internal-media/"))
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == whitepaper.pdf_sha256
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="ai-and-law.pdf"'
    whitepaper.refresh_from_db()
    assert whitepaper.download_count == 1


def test_behind_nginx_a_changed_pdf_is_still_withheld(client, whitepaper, settings):
    settings.X_ACCEL_REDIRECT_PREFIX = "/internal-media/"
    Path(whitepaper.pdf.file.path).write_bytes(b"%PDF-1.4 other bytes")
    response = client.get("/en/whitepapers/ai-and-law/download/")
    assert response.status_code == 503 and "X-Accel-Redirect" not in response
