import json
import re

import pytest

from center.core.links import site_root
from center.news.services import story_hero_refresh

from . import factories

LIST = "/en/news/"
# Warm-cache bound: the CMS's page and menu lookups plus the list's own prefetches. The
# same bound must hold for 5 and for 50 stories.
LIST_QUERIES = 16

pytestmark = pytest.mark.usefixtures("demo_pages")


def _titles(html: str) -> list[str]:
    return re.findall(r'class="story-card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)


def _json_ld(html: str) -> dict:
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(body)


def test_list_shows_published_stories_newest_first_and_hides_drafts(client):
    factories.story("Older story", days_ago=10)
    factories.story("Newer story", days_ago=1)
    factories.story("Unpublished draft", publish=False)
    factories.story("Scheduled story", days_ago=-3)  # publication date still ahead
    html = client.get(LIST).content.decode()
    assert _titles(html) == ["Newer story", "Older story"]


def test_category_and_tag_filters(client):
    research = factories.category("research")
    factories.story("Research story", categories=[research], tags=["ethics"])
    factories.story("Other story", tags=["law"])
    assert _titles(client.get(LIST + "?category=research").content.decode()) == ["Research story"]
    assert _titles(client.get(LIST + "?tag=law").content.decode()) == ["Other story"]
    assert _titles(client.get(LIST + "tag/ethics/").content.decode()) == ["Research story"]
    page = client.get(LIST).content.decode()
    assert '<option value="research">Research</option>' in page


@pytest.mark.parametrize("query", ["?category=nope", "?tag=%00", "?page=abc", "?page=999",
                                   "?page=-1", "?category=research&tag=&page=0"])
def test_bad_filters_and_page_numbers_still_show_stories(client, query):
    factories.story("Only story")
    response = client.get(LIST + query)
    assert response.status_code == 200
    assert _titles(response.content.decode()) == ["Only story"]


def test_pagination_splits_by_ten(client):
    for number in range(12):
        factories.story(f"Story {number}", days_ago=number + 1)
    first = client.get(LIST).content.decode()
    second = client.get(LIST + "?page=2").content.decode()
    assert len(_titles(first)) == 10 and _titles(second) == ["Story 10", "Story 11"]
    assert 'rel="next"' in first and "Page 1 of 2" in first


def test_list_links_its_rss_feed(client):
    html = client.get(LIST).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" href="/en/news/feed/"' in html


def test_detail_has_hero_caption_author_share_meta_and_json_ld(client):
    post = factories.story("Inauguration", slug="inauguration", image=factories.picture())
    story_hero_refresh(post=post)
    response = client.get("/en/news/inauguration/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Inauguration</h1>" in html or ">Inauguration</h1>" in html
    assert "<figcaption>A caption</figcaption>" in html
    assert 'type="image/webp"' in html and 'width="960" height="540"' in html
    assert "<dt>Author</dt><dd>Nora Editor</dd>" in html  # in the side column's key facts
    assert '<meta property="og:title" content="Inauguration">' in html
    assert '<meta property="og:type" content="article">' in html  # lower case, as OpenGraph says
    assert re.search(r'<meta name="twitter:card" content="summary', html)
    data = _json_ld(html)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Inauguration"
    assert data["url"].endswith("/en/news/inauguration/")
    assert data["image"][0].endswith(".jpg")
    assert data["author"][0]["name"] == "Nora Editor"


def test_unknown_story_is_a_friendly_404(client):
    response = client.get("/en/news/no-such-story/")
    assert response.status_code == 404
    assert ("Page not found" in response.content.decode()
            or "not found" in response.content.decode().lower())


def test_draft_story_is_not_visible(client):
    factories.story("Hidden", slug="hidden", publish=False)
    assert client.get("/en/news/hidden/").status_code == 404


def test_untranslated_story_falls_back_with_a_note(client):
    factories.story("English only", slug="english-only")
    detail = client.get("/zh-hans/news/english-only/").content.decode()
    assert "尚未翻译" in detail and 'lang="en"' in detail and "English only" in detail
    listing = client.get("/zh-hans/news/").content.decode()
    assert "English only" in listing and "尚未翻译" in listing


def test_translated_story_shows_its_chinese_version(client):
    factories.story("Both", slug="both", languages=("en", "zh-hans"))
    html = client.get("/zh-hans/news/both/").content.decode()
    assert "Both (中文)" in html and "尚未翻译" not in html
    assert f'hreflang="en" href="{site_root()}/en/news/both/"' in html


def test_recommended_reading_lists_published_related_stories(client):
    main = factories.story("Main", slug="main")
    related = factories.story("Related one")
    draft = factories.story("Related draft", publish=False)
    main.related.set([related, draft])
    html = client.get("/en/news/main/").content.decode()
    assert "Recommended reading" in html
    section = html.split("Recommended reading", 1)[1]
    assert "Related one" in section and "Related draft" not in section


def test_anonymous_news_pages_set_no_cookie_and_no_csrf_token(client):
    factories.story("Plain", slug="plain")
    for url in (LIST, "/en/news/plain/", "/en/news/feed/"):
        response = client.get(url)
        assert not response.cookies, url
        assert "csrfmiddlewaretoken" not in response.content.decode(), url


@pytest.mark.parametrize("count", [5, 50])
def test_list_query_count_does_not_grow_with_stories(client, django_assert_max_num_queries, count):
    research = factories.category("research")
    image = factories.picture()
    for number in range(count):
        post = factories.story(f"Story {number}", languages=("en", "zh-hans"),
                               categories=[research], tags=["ethics"],
                               image=image if number % 2 else None)
        story_hero_refresh(post=post)
    client.get(LIST)  # warm the CMS's own caches, as on a live site
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(LIST)
    assert len(_titles(response.content.decode())) == min(count, 10)


def test_a_new_version_with_another_slug_redirects_the_old_address(client):
    from djangocms_stories.models import PostContent
    from djangocms_versioning.models import Version

    post = factories.story("Renamed", slug="old-name", languages=("en", "zh-hans"))
    user = factories.editor()
    published = PostContent.objects.get(post=post, language="en")
    draft = Version.objects.get_for_content(published).copy(user)
    draft.content.slug = "new-name"
    draft.content.save()
    draft.publish(user)

    response = client.get("/en/news/old-name/")
    assert response.status_code == 301 and response["Location"] == "/en/news/new-name/"
    assert client.get("/en/news/new-name/").status_code == 200
    assert client.get("/zh-hans/news/old-name/").status_code == 200  # that language kept its slug


def test_every_page_advertises_the_news_feed_in_its_language(client):
    for url, feed in (("/en/", "/en/news/feed/"), ("/zh-hans/about-us/", "/zh-hans/news/feed/")):
        html = client.get(url).content.decode()
        assert f'<link rel="alternate" type="application/rss+xml" href="{feed}"' in html


def test_a_speakers_page_lists_the_stories_that_mention_them(client):
    from tests.people.factories import PersonFactory

    PersonFactory(slug="wang-yingchun-test", name="Wang Yingchun", zh={"name": "王迎春"})
    factories.story("Keynote report", slug="keynote", languages=("en", "zh-hans"),
                    abstract="<p>Wang Yingchun gave the keynote. 王迎春作主旨演讲。</p>")
    factories.story("Unrelated", slug="unrelated")
    factories.story("Draft mention", publish=False, abstract="<p>Wang Yingchun again.</p>")
    english = client.get("/en/speakers/wang-yingchun-test/").content.decode()
    section = english.split("In the news", 1)[1]
    assert ("Keynote report" in section and "Unrelated" not in section
            and "Draft mention" not in section)
    chinese = client.get("/zh-hans/speakers/wang-yingchun-test/").content.decode()
    assert "相关新闻" in chinese and "Keynote report (中文)" in chinese
