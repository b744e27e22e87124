import re

import pytest
from cms.api import add_plugin
from cms.plugin_rendering import ContentRenderer
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.utils import translation
from sekizai.context import SekizaiContext

from center.publications.models import FeaturedWhitepapers
from tests.support.cms import add_plugin_url, bare_placeholder, page_draft

from .factories import TopicFactory, WhitepaperAuthorFactory, WhitepaperFactory

pytestmark = pytest.mark.usefixtures("demo_pages")  # the whitepapers page, for the links


def render_plugin(plugin, *, language: str = "en", user=None) -> str:
    # As the CMS renders a placeholder's plugins, with the sekizai blocks a page provides
    # (the plugin adds its stylesheet to the page's "css" block).
    request = RequestFactory().get(f"/{language}/")
    request.user = user or AnonymousUser()
    request.current_page = None
    with translation.override(language):
        return ContentRenderer(request).render_plugin(plugin, SekizaiContext({"request": request}))


def _featured(papers, *, placeholder=None, language="en") -> FeaturedWhitepapers:
    plugin = add_plugin(placeholder or bare_placeholder(), "FeaturedWhitepapersPlugin", language)
    plugin.whitepapers.set(papers)
    return plugin


def test_featured_whitepapers_shows_the_chosen_published_papers(db):
    older = WhitepaperFactory(slug="older", title="Older Paper", publication_date="2019-01-01")
    newer = WhitepaperFactory(slug="newer", title="Newer Paper", publication_date="2023-01-01")
    draft = WhitepaperFactory(title="Secret Draft", draft=True)
    WhitepaperFactory(title="Not Chosen")

    html = render_plugin(_featured([older, newer, draft]))

    assert re.findall(r'class="whitepaper-card__link" href="([^"]+)">([^<]+)</a>', html) == [
        ("/en/whitepapers/newer/", "Newer Paper"), ("/en/whitepapers/older/", "Older Paper")]
    assert "Secret Draft" not in html and "Not Chosen" not in html
    assert '<h3 class="whitepaper-card__title">' in html
    assert '<a href="/en/whitepapers/">All whitepapers</a>' in html


def test_staff_are_told_which_chosen_papers_visitors_cannot_see(db, staff_user):
    draft = WhitepaperFactory(title="Secret Draft", draft=True)
    plugin = _featured([draft])

    assert render_plugin(plugin).strip() == ""
    assert "Hidden from visitors until published: Secret Draft." in render_plugin(
        plugin, user=staff_user)


def test_featured_whitepapers_speak_chinese(db):
    paper = WhitepaperFactory(slug="ethics", title="AI Ethics", zh={"title": "人工智能伦理"})
    # Headings break between Chinese words (typography.word_breaks).
    html = render_plugin(_featured([paper]), language="zh-hans").replace("<wbr>", "")
    assert ('<a class="whitepaper-card__link" href="/zh-hans/whitepapers/ethics/">'
            '人工智能伦理</a>') in html
    assert "全部白皮书" in html


@pytest.mark.urls("tests.events.urls_without_apphooks")
def test_featured_whitepapers_work_before_the_whitepapers_page_exists(db):
    html = render_plugin(_featured([WhitepaperFactory(title="AI Ethics")]))
    assert '<h3 class="whitepaper-card__title">AI Ethics</h3>' in html and "href=" not in html


def test_the_plugin_is_labelled_by_its_size_in_the_structure_board(db):
    assert str(_featured([WhitepaperFactory(), WhitepaperFactory()])) == "2 whitepapers"


# Papers, their translations, topics, topic names, authors with people, people's names:
# the same six queries however many papers are featured.
FEATURED_QUERIES = 6


@pytest.mark.parametrize("count", [5, 50])
def test_featured_queries_do_not_grow_with_papers(django_assert_max_num_queries, count):
    topic = TopicFactory()
    papers = []
    for _ in range(count):
        paper = WhitepaperFactory()
        paper.topics.add(topic)
        WhitepaperAuthorFactory(whitepaper=paper)
        papers.append(paper)
    plugin = _featured(papers)

    with django_assert_max_num_queries(FEATURED_QUERIES):
        html = render_plugin(plugin)

    assert html.count('class="whitepaper-card"') == count


def test_visitors_see_the_papers_and_a_new_draft_keeps_them(client, staff_user):
    paper = WhitepaperFactory(slug="ethics", title="AI Ethics")
    draft, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    _featured([paper], placeholder=placeholder)
    draft.publish(staff_user)

    html = client.get("/en/about-us/").content.decode()
    assert 'href="/en/whitepapers/ethics/">AI Ethics</a>' in html
    assert "/static/publications/css/publications.css" in html.split("</head>", 1)[0]

    # django CMS versioning copies plugins into each new draft; the chosen papers must follow.
    _next, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    (copied,) = FeaturedWhitepapers.objects.filter(placeholder=placeholder)
    assert list(copied.whitepapers.all()) == [paper]


def test_editors_pick_papers_in_the_plugin_form(client, staff_user):
    ethics, law = WhitepaperFactory(title="AI Ethics"), WhitepaperFactory(title="Law and AI")
    _draft, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    client.force_login(staff_user)
    url = add_plugin_url(placeholder, "FeaturedWhitepapersPlugin")

    form = client.get(url)
    client.post(url, {"whitepapers": [ethics.pk, law.pk]})

    assert form.status_code == 200 and "/en/admin/autocomplete/" in form.content.decode()
    (plugin,) = FeaturedWhitepapers.objects.filter(placeholder=placeholder)
    assert set(plugin.whitepapers.all()) == {ethics, law}
    found = client.get("/en/admin/autocomplete/", {
        "app_label": "publications", "model_name": "featuredwhitepapers",
        "field_name": "whitepapers", "term": "Ethics"})
    assert [item["text"] for item in found.json()["results"]] == ["AI Ethics"]
