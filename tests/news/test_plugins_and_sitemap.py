import re

import pytest
from cms.api import add_plugin
from cms.models import Placeholder
from cms.plugin_rendering import ContentRenderer
from django.test import RequestFactory

from . import factories

pytestmark = pytest.mark.usefixtures("demo_pages")


def _render(plugin, language="en"):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import translation

    request = RequestFactory().get(f"/{language}/")
    request.user = AnonymousUser()
    request.current_page = None
    with translation.override(language):
        renderer = ContentRenderer(request=request)
        return renderer.render_plugin(plugin, context={"request": request},
                                      placeholder=plugin.placeholder)


def test_latest_news_plugin_shows_the_newest_published_stories(db):
    for number in range(4):
        factories.story(f"Story {number}", days_ago=number + 1)
    factories.story("Draft", publish=False)
    placeholder = Placeholder.objects.create(slot="content")
    plugin = add_plugin(placeholder, "LatestNewsPlugin", "en", count=2)
    html = _render(plugin)
    assert re.findall(r'<a href="/en/news/[^"]+/">([^<]+)</a>', html) == ["Story 0", "Story 1"]
    assert 'href="/en/news/"' in html


def test_package_list_plugins_are_replaced_by_ours():
    from cms.plugin_pool import plugin_pool

    names = set(plugin_pool.plugins)
    assert "LatestNewsPlugin" in names
    assert "BlogLatestEntriesPlugin" not in names


def test_sitemap_lists_each_story_in_each_of_its_languages(client):
    factories.story("Both", slug="both", languages=("en", "zh-hans"))
    factories.story("English", slug="english")
    factories.story("Draft", slug="draft", publish=False)
    xml = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>[^<]*/news/([^<]+)</loc>", xml)
    assert sorted(locations) == ["both/", "both/", "english/"]
    assert "/zh-hans/news/both/" in xml
