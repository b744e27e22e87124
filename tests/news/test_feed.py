import feedparser
import pytest
from django.contrib.sites.models import Site

from . import factories

pytestmark = pytest.mark.usefixtures("demo_pages")


def _parse(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_feed_lists_published_stories_in_the_urls_language(client):
    research = factories.category("research", "Research", "研究")
    factories.story("Bilingual", slug="bilingual", languages=("en", "zh-hans"),
                    categories=[research])
    factories.story("English only", slug="english-only", days_ago=5)
    factories.story("Draft", publish=False)

    site = f"http://{Site.objects.get_current().domain}"  # feeds use the site's own address
    english = _parse(client, "/en/news/feed/")
    assert english.feed.language == "en"
    assert english.feed.link == f"{site}/en/news/"
    assert [e.title for e in english.entries] == ["Bilingual", "English only"]
    first = english.entries[0]
    assert first.link == f"{site}/en/news/bilingual/"
    assert first.summary == "What happened."
    assert first.author == "Nora Editor"
    assert [t.term for t in first.tags] == ["Research"]
    assert first.published_parsed is not None

    chinese = _parse(client, "/zh-hans/news/feed/")
    assert chinese.feed.language == "zh-hans"
    assert [e.title for e in chinese.entries] == ["Bilingual (中文)"]
    assert chinese.entries[0].link == f"{site}/zh-hans/news/bilingual/"
    assert chinese.entries[0].id != first.id  # each language version is its own item


def test_tag_feed_narrows_to_the_tag_and_unknown_tags_are_404(client):
    factories.story("Tagged", tags=["governance"])
    factories.story("Untagged")
    assert [e.title for e in _parse(client, "/en/news/tag/governance/feed/").entries] == ["Tagged"]
    assert client.get("/en/news/tag/no-such-tag/feed/").status_code == 404
