"""What a cache miss costs: every public page renders in at most 12 SQL queries with every
cache off (the dummy cache), and the same bound holds with 5 or 50 items of each kind —
stories, events, speakers, whitepapers, principles of the Code, plugins on the home page."""

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from center.events.models import Event
from tests.ethics.factories import code_version
from tests.events.factories import EventFactory, SessionFactory, SessionSpeakerFactory
from tests.news import factories as news
from tests.people.factories import PositionFactory
from tests.publications.factories import TopicFactory, WhitepaperAuthorFactory, WhitepaperFactory

BUDGET = 12
NO_CACHE = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def _many_items(count: int) -> dict[str, str]:
    """`count` of each kind on top of the demo content; returns one slug of each."""
    people = [PositionFactory(title="Professor").person for _ in range(count)]
    for index in range(count):
        for past in (False, True):
            event = EventFactory(past=past)
            session = SessionFactory(event=event)
            SessionSpeakerFactory(session=session, person=people[index])
            SessionSpeakerFactory(session=session, person=people[(index + 1) % count])
    topic = TopicFactory()
    for index in range(count):
        paper = WhitepaperFactory()
        paper.topics.add(topic)
        WhitepaperAuthorFactory(whitepaper=paper, person=people[index])
        WhitepaperAuthorFactory(whitepaper=paper, person=people[(index + 1) % count])
    category = news.category("policy", zh_name="政策")
    for index in range(count):
        news.story(f"Story {index}", languages=("en", "zh-hans"), categories=[category],
                   tags=["ethics"])
    home = PageContent.objects.get(page__reverse_id="home", language="en")
    for index in range(count):
        add_plugin(home.placeholders.get(slot="themes"), "TextPlugin", "en",
                   body=f"<p>Paragraph {index}</p>")
    code_version("9.0", {number: f"Principle {number}." for number in range(1, count + 1)},
                 sections=3)
    return {
        "event": Event.objects.upcoming().order_by("-start").first().slug,
        "person": people[0].slug,
        "paper": paper.slug,
        "story": "story-0",
    }


# Pages still over the budget. Strict: a page that meets the budget must lose its mark.
OVER_BUDGET: set[str] = set()
PAGES = [
    pytest.param(f"/{language}/{path}", marks=[pytest.mark.xfail(
        strict=True, reason="over the budget: see OVER_BUDGET")] if path in OVER_BUDGET else [])
    for language in ("en", "zh-hans") for path in (
        "", "about-us/", "about-us/ethical-and-responsible-ai/", "news/", "news/{story}/",
        "events/", "events/{event}/", "speakers/", "speakers/{person}/", "whitepapers/",
        "whitepapers/{paper}/", "code-of-ethics/", "code-of-ethics/v/9.0/",
        "code-of-ethics/v/9.0/principles/1/",
        "code-of-ethics/changes/?from=1.0&to=9.0", "search/?q=ethics",
        "search/?q=ethics&type=news", "search/?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD",
        "privacy/", "accessibility/", "apply-for-trial/", "newsletter/")
] + ["/en/news/feed/", "/en/events/calendar.ics", "/en/events/{event}/event.ics", "/sitemap.xml"]


@pytest.fixture(scope="module", params=[5, 50], ids=lambda count: f"{count}-items")
def site_slugs(request, django_db_setup, django_db_blocker):
    """The demo site plus `count` items of each kind, built once for the module's tests
    and rolled back after them."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", verbosity=0)
        yield _many_items(request.param)
        transaction.set_rollback(True)


@pytest.mark.django_db
@pytest.mark.parametrize("page", PAGES)
def test_a_public_page_renders_within_the_query_budget_with_caches_off(
        client, settings, site_slugs, page):
    settings.CACHES = NO_CACHE
    page = page.format(**site_slugs)
    assert client.get(page).status_code == 200  # the process's first use loads URLs, templates
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page)
    assert response.status_code == 200
    assert len(queries) <= BUDGET, "\n".join(q["sql"][:200] for q in queries)
