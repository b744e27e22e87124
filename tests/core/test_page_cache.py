"""Anonymous visitors get public pages from the cache (center/core/page_cache.py), and never a
stale or private one: each write shows at the very next request, in both languages; staff,
form pages and visitors with messages waiting are never served, or stored, from the cache."""

import re
from datetime import timedelta

import pytest
from cms.models import Page, PageContent
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from djangocms_text.models import Text

from center.site.demo import showcase
from tests.ethics.factories import code_version
from tests.events.factories import EventFactory
from tests.news.factories import story
from tests.people.factories import PersonFactory
from tests.publications.factories import WhitepaperFactory
from tests.support.cms import page_draft

# A hit is answered by the front cache (center/core/front_cache.py) before anything reads
# the database; a render costs more.
HIT_MAX_QUERIES = 0
LANGUAGES = ("en", "zh-hans")
PUBLIC_PAGES = ["/{lang}/", "/{lang}/events/", "/{lang}/events/{event}/", "/{lang}/news/",
                "/{lang}/news/{story}/", "/{lang}/speakers/", "/{lang}/speakers/{person}/",
                "/{lang}/whitepapers/", "/{lang}/whitepapers/{paper}/",
                "/{lang}/code-of-ethics/", "/{lang}/about-us/", "/{lang}/news/feed/",
                "/{lang}/events/calendar.ics"]


@pytest.fixture
def site(demo_pages, staff_user):
    """The demo page tree with one of each kind of content, and the home page's highlights
    (upcoming events, latest news, speakers)."""
    person = PersonFactory(slug="ada", name="Ada Lovelace", is_public=True)
    event = EventFactory(slug="seminar", title="Spring seminar")
    post = story("First story", slug="first-story", languages=LANGUAGES)
    paper = WhitepaperFactory(slug="paper", title="On fairness")
    code_version("1.0", {1: "Respect human dignity."})
    showcase.load_demo_content()
    return {"person": person, "event": event, "story": post, "paper": paper}


def _urls(site, language):
    names = {"event": site["event"].slug, "story": "first-story",
             "person": site["person"].slug, "paper": site["paper"].slug}
    return [pattern.format(lang=language, **names) for pattern in PUBLIC_PAGES]


class Queries(int):
    """A count of SQL queries that shows them when an assertion on it fails."""

    def __new__(cls, captured):
        count = super().__new__(cls, len(captured))
        count.sql = [query["sql"][:70] for query in captured]
        return count

    def __repr__(self):
        return f"{int(self)} {self.sql}"


def visit(url, client=None):
    """One anonymous visit (a fresh browser unless `client`): the response and its SQL count."""
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(url)
    assert response.status_code == 200, url
    return response, Queries(queries.captured_queries)


def text(response) -> str:
    return response.content.decode().replace("<wbr>", "")  # titles carry word breaks


def assert_fresh_everywhere(urls, expected: str):
    for url in urls:
        response, _queries = visit(url)
        assert expected in text(response), url


def warm(urls):
    for url in urls:
        visit(url)
        _response, queries = visit(url)
        assert queries <= HIT_MAX_QUERIES, f"{url} was not served from the cache"


# --- served from the cache ------------------------------------------------------------------
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_second_anonymous_visit_of_every_public_page_is_a_cache_hit(site, language):
    for url in _urls(site, language):
        first, rendered = visit(url)
        second, queries = visit(url)
        assert queries < rendered, url
        assert queries <= HIT_MAX_QUERIES, f"{url}: {queries} queries, not a cache hit"
        assert second.content == first.content, url
        assert "max-age=" in second["Cache-Control"] and "private" not in second["Cache-Control"]
        assert not second.cookies, url
        assert "csrfmiddlewaretoken" not in text(second), url


def test_each_language_gets_its_own_cached_page(site):
    for url_en, url_zh in zip(_urls(site, "en"), _urls(site, "zh-hans"), strict=True):
        english, _ = visit(url_en)
        chinese, _ = visit(url_zh)
        if url_en.endswith((".ics", "/feed/")):
            continue
        assert '<html lang="zh-hans"' in text(chinese), url_zh
        assert '<html lang="en"' in text(visit(url_en)[0]), url_en
        assert '<html lang="zh-hans"' in text(visit(url_zh)[0]), url_zh


# --- never stale: every write shows at the next request, in both languages ---------------------
def _both(path):
    return [f"/{language}{path}" for language in LANGUAGES]


def test_an_edited_event_shows_at_once_on_the_home_page_and_the_events_pages(site):
    urls = _both("/") + _both("/events/") + _both("/events/seminar/")
    warm(urls)
    event = site["event"]
    event.set_current_language("en")
    event.title = "Autumn seminar"
    event.save()
    assert_fresh_everywhere(urls, "Autumn seminar")


def test_a_published_story_shows_at_once_on_the_home_page_and_the_news_pages(site):
    warm(_both("/") + _both("/news/") + _both("/news/feed/"))
    story("Breaking result", slug="breaking-result", languages=LANGUAGES)
    assert_fresh_everywhere(["/en/", "/en/news/", "/en/news/feed/"], "Breaking result")
    assert_fresh_everywhere(["/zh-hans/", "/zh-hans/news/", "/zh-hans/news/feed/"],
                            "Breaking result (中文)")


def test_a_renamed_speaker_shows_at_once(site):
    urls = _both("/speakers/") + _both("/speakers/ada/")
    warm(urls)
    person = site["person"]
    person.set_current_language("en")
    person.name = "Ada King"
    person.save()
    assert_fresh_everywhere(urls, "Ada King")


def test_an_edited_whitepaper_shows_at_once(site):
    urls = _both("/whitepapers/") + _both("/whitepapers/paper/")
    warm(urls)
    paper = site["paper"]
    paper.set_current_language("en")
    paper.title = "On fairness, revised"
    paper.save()
    assert_fresh_everywhere(urls, "On fairness, revised")


def test_a_new_code_version_in_force_shows_at_once(site):
    urls = _both("/code-of-ethics/")
    warm(urls)
    code_version("2.0", {1: "Respect human dignity and autonomy."})
    assert_fresh_everywhere(urls, "Respect human dignity and autonomy.")


def test_a_published_page_version_shows_at_once(site, staff_user):
    from cms.api import add_plugin

    warm(_both("/about-us/"))
    for language in LANGUAGES:
        draft, placeholder = page_draft(reverse_id="about", language=language,
                                        user=staff_user)
        add_plugin(placeholder, "TextPlugin", language, body=f"<p>Fresh words {language}</p>")
        draft.publish(staff_user)
    for language in LANGUAGES:
        assert_fresh_everywhere([f"/{language}/about-us/"], f"Fresh words {language}")


def test_an_edited_plugin_on_a_published_page_shows_at_once(site):
    warm(_both("/"))
    home = Page.objects.get(reverse_id="home")
    for language in LANGUAGES:
        content = PageContent.objects.get(page=home, language=language)
        plugin = Text.objects.filter(placeholder__in=content.placeholders.all()).first()
        plugin.body = f"<h2>Edited heading {language}</h2>"
        plugin.save()
    for language in LANGUAGES:
        assert_fresh_everywhere([f"/{language}/"], f"Edited heading {language}")


# --- never private ---------------------------------------------------------------------------
def test_staff_toolbar_never_reaches_an_anonymous_visitor(site, staff_user):
    staff = Client()
    staff.force_login(staff_user)
    for url in _both("/") + _both("/events/") + _both("/news/first-story/"):
        staff_page = staff.get(url)
        assert "cms-toolbar" in text(staff_page), url
        assert "no-store" in staff_page["Cache-Control"], url
        response, queries = visit(url)
        assert "cms-toolbar" not in text(response), url
        assert queries > HIT_MAX_QUERIES, f"{url}: staff's page was stored for visitors"
        assert "cms-toolbar" not in text(visit(url)[0]), url


def _with_message(text_: str) -> Client:
    """A visitor with a message waiting for them (in the messages cookie)."""
    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(20, text_)
    response = Client().get("/robots.txt")  # any response to carry the cookie
    storage.update(response)
    client = Client()
    client.cookies["messages"] = response.cookies["messages"].value
    return client


def test_a_page_rendered_for_a_visitor_with_messages_is_never_stored(site):
    for url in _both("/") + _both("/events/"):
        carrier = _with_message("Your subscription is confirmed")
        response, _ = visit(url, carrier)
        assert "no-store" in response.get("Cache-Control", "") or \
            "private" in response.get("Cache-Control", ""), url
        _other, queries = visit(url)
        assert queries > HIT_MAX_QUERIES, f"{url}: a page rendered with messages was stored"


@pytest.mark.parametrize("url", ["/en/apply-for-trial/", "/zh-hans/apply-for-trial/",
                                 "/en/newsletter/", "/zh-hans/newsletter/"])
def test_form_pages_are_never_cached(site, url):
    from tests.trials.factories import form_data

    form_data()  # a privacy notice and a product: the trial form shows
    tokens = set()
    for _visitor in range(2):
        response, _ = visit(url)
        assert "no-store" in response["Cache-Control"], url
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"',
                             text(response)).group(1))
    assert len(tokens) == 2, "two visitors were given the same CSRF token"


# --- lifetimes -------------------------------------------------------------------------------
def _max_age(response) -> int:
    return int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))


def test_pages_showing_events_expire_when_the_next_event_starts(site):
    EventFactory(slug="soon", title="Starting soon",
                 start=timezone.now() + timedelta(seconds=20),
                 end=timezone.now() + timedelta(hours=1))
    for url in ["/en/", "/zh-hans/", "/en/events/", "/en/events/calendar.ics"]:
        response, _ = visit(url)
        assert 0 < _max_age(response) <= 20, url
    about, _ = visit("/en/speakers/")
    assert _max_age(about) == 60  # CMS_CACHE_DURATIONS["content"]: nothing there is timed


def test_pages_showing_news_expire_when_a_scheduled_story_goes_live(site):
    story("Embargoed", slug="embargoed", days_ago=-1)  # not yet published: no change now
    post = story("Scheduled", slug="scheduled")
    post.date_published = timezone.now() + timedelta(seconds=30)
    post.save()
    for url in ["/en/", "/en/news/"]:
        response, _ = visit(url)
        assert 0 < _max_age(response) <= 30, url
        assert "Scheduled" not in text(response)
