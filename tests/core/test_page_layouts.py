"""The home page's bands, detail pages' side columns and the seed article's sections, as a
visitor gets them from a fresh demo site."""

import re
from html.parser import HTMLParser

import pytest
from django.core.cache import caches
from django.core.management import call_command

from center.news.models import FeaturedStoryPluginModel
from tests.news import factories as news

pytestmark = pytest.mark.django_db

ARTICLE = "/{language}/about-us/ethical-and-responsible-ai/"
STORY = "/{language}/news/university-enterprise-cooperation-ai-ethics-research/"
TITLES = {"en": "University-Enterprise Cooperation for AI Ethics Research",
          "zh-hans": "AI伦理研究"}


@pytest.fixture
def demo(client):
    call_command("load_demo", verbosity=0)
    return client


class Tree(HTMLParser):
    """Just enough of a DOM: each element's tag, attributes, text and children."""

    VOID = {"img", "source", "br", "meta", "link", "input", "hr"}

    def __init__(self, html: str):
        super().__init__()
        self.root = {"tag": "root", "attrs": {}, "children": [], "text": ""}
        self.stack = [self.root]
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "children": [], "text": ""}
        self.stack[-1]["children"].append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index]["tag"] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        for node in self.stack:
            node["text"] += data


def find(node, css_class=None, tag=None) -> list[dict]:
    found = []
    for child in node["children"]:
        classes = (child["attrs"].get("class") or "").split()
        if (css_class is None or css_class in classes) and (tag is None or child["tag"] == tag):
            found.append(child)
        found += find(child, css_class, tag)
    return found


def one(node, css_class=None, tag=None) -> dict:
    found = find(node, css_class, tag)
    assert found, f"no {tag or ''}.{css_class or ''}"
    return found[0]


def page(client, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200, path
    return Tree(response.content.decode()).root


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_home_shows_featured_themes_publications_events_news_and_partners(demo, language):
    home = page(demo, f"/{language}/")
    # The inauguration story, with its uploaded picture, beside the introduction.
    featured = one(home, "home-featured")
    title = one(featured, tag="h2")
    assert TITLES[language] in title["text"]
    assert one(title, tag="a")["attrs"]["href"] == STORY.format(language=language)
    picture = one(featured, "featured-story__picture")
    assert one(picture, tag="img")["attrs"]["alt"] == ""  # decorative: the title says it
    assert picture["attrs"]["aria-hidden"] == "true"

    assert len(find(one(home, "home-themes"), tag="li")) == 5
    assert find(one(home, "home-publications"), "whitepaper-card")

    events = find(one(home, "home-events"), "event-card")
    assert events
    for card in events:
        badge = one(card, "date-badge")
        assert re.search(r"\d", one(badge, "date-badge__day")["text"])

    stories = find(one(home, "home-news"), "story-card")
    assert len(stories) == 3
    for card in stories:  # never a bare card
        picture = one(card, "story-card__picture")  # an upload, else the generated art
        assert find(picture, tag="img") or find(picture, tag="svg")

    partners = find(one(home, "home-partners"), tag="li")
    assert len(partners) == 4
    assert all(one(partner, tag="strong")["text"].strip() for partner in partners)


def test_a_featured_story_without_a_picture_shows_its_generated_art(demo):
    plain = news.story("Plain story", languages=("en", "zh-hans"))
    FeaturedStoryPluginModel.objects.update(post=plain)
    for cache in caches.all():
        cache.clear()  # the home page as rendered before the editor's change

    for language in ("en", "zh-hans"):
        featured = one(page(demo, f"/{language}/"), "home-featured")
        assert "Plain story" in one(featured, tag="h2")["text"]
        picture = one(featured, "featured-story__picture")
        assert not find(picture, tag="img")
        assert one(picture, tag="svg")["attrs"]["aria-hidden"] == "true"


def test_event_page_has_a_side_column_of_facts_calendar_speakers_and_other_events(demo):
    html = page(demo, "/en/events/inauguration-ceremony-2022/")
    aside = one(html, "detail-aside", tag="aside")
    facts = one(aside, "aside-facts")
    assert "When" in facts["text"] and "Where" in facts["text"]
    assert one(facts, "button", tag="a")["attrs"]["href"] == (
        "/en/events/inauguration-ceremony-2022/event.ics")
    people = find(one(aside, "aside-people"), tag="li")
    assert len(people) > 1
    assert all(find(person, "portrait") for person in people)
    related = one(aside, "aside-related")
    assert "Public Lecture: Computational Law and Accountable AI" in related["text"]
    assert "Inauguration Ceremony" not in related["text"]  # not the page's own event


def test_speaker_page_has_role_affiliation_and_related_items_beside_the_profile(demo):
    html = page(demo, "/en/speakers/tian-feng/")
    aside = one(html, "detail-aside", tag="aside")
    facts = one(aside, "aside-facts")["text"]
    assert "Role" in facts and "Affiliation" in facts and "SenseTime" in facts
    papers = one(aside, "person-whitepapers")["text"]
    assert "Code of Ethics for AI Sustainable Development" in papers
    assert one(aside, "person-news")
    assert "Events and talks" in one(html, "person-profile", tag="article")["text"]


def test_whitepaper_page_names_its_authors_with_portraits_after_the_text(demo):
    html = page(demo, "/en/whitepapers/code-of-ethics-for-ai-sustainable-development/")
    assert one(one(html, "whitepaper__aside"), "whitepaper__download")
    author = one(one(one(html, "whitepaper__more"), "aside-people"), tag="li")
    assert find(author, "portrait") and "Tian Feng" in author["text"]


def test_news_story_has_facts_contents_and_recommended_reading_beside_it(demo):
    html = page(demo, "/en/news/university-enterprise-cooperation-ai-ethics-research/")
    aside = one(html, "detail-aside", tag="aside")
    assert "Published" in one(aside, "aside-facts")["text"]
    body = one(html, "story__body")
    anchors = {heading["attrs"].get("id") for heading in find(body, tag="h2")}
    links = [link["attrs"]["href"] for link in find(one(aside, "toc"), tag="a")]
    assert len(links) > 1 and {link.lstrip("#") for link in links} <= anchors
    related = one(aside, "story-related")["text"]
    assert "AI Ethics Research Needs the Help of an Ecosystem" in related


def test_code_of_ethics_lists_its_contents_beside_the_text(demo):
    html = page(demo, "/en/code-of-ethics/")
    layout = one(html, "article-layout")
    assert [child["tag"] for child in layout["children"]][:2] == ["nav", "div"]
    assert len(find(one(layout, "toc", tag="nav"), tag="a")) > 5


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_seed_article_has_a_contents_list_of_its_sections_and_the_three_laws_apart(
        demo, language):
    html = page(demo, ARTICLE.format(language=language))
    toc = one(html, "toc", tag="nav")
    links = [link["attrs"]["href"] for link in find(toc, tag="a")]
    article = one(html, "prose", tag="article")
    anchors = [heading["attrs"].get("id") for heading in find(article, tag="h2")]
    assert len(links) >= 5
    assert [link.lstrip("#") for link in links] == anchors  # every section, in order
    laws = one(article, "laws")
    assert len(find(one(laws, tag="ol"), tag="li")) == 4
    assert "#" + one(laws, tag="h2")["attrs"]["id"] in links
    assert not find(one(html, "sidebar", tag="aside"), "laws")  # in the text, not beside it
