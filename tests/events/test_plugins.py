import re
from datetime import UTC, datetime, timedelta

import pytest
from cms.api import add_plugin
from django.utils import timezone

from center.events import selectors
from center.events.models import EventCard, UpcomingEvents
from tests.support.cms import add_plugin_url, bare_placeholder, page_draft, render_plugin

from .factories import EventFactory, SessionFactory, SessionSpeakerFactory

pytestmark = pytest.mark.usefixtures("demo_pages")  # the events page, for the cards' links


def _upcoming_plugin(**data):
    return add_plugin(bare_placeholder(), "UpcomingEventsPlugin", "en", **data)


def _in_days(days: int) -> dict:
    start = timezone.now() + timedelta(days=days)
    return {"start": start, "end": start + timedelta(hours=2)}


def test_upcoming_events_shows_the_next_n_published_events(db):
    for day in (3, 1, 4, 2):
        EventFactory(title=f"Forum on day {day}", **_in_days(day))
    EventFactory(title="Secret Draft", draft=True, **_in_days(1))
    EventFactory(title="Old Seminar", past=True)

    html = render_plugin(_upcoming_plugin(number_of_events=3))

    assert re.findall(r'">([^<]+)</a></h3>', html) == [
        "Forum on day 1", "Forum on day 2", "Forum on day 3"]
    assert '<a href="/en/events/">All events</a>' in html


def test_upcoming_events_shows_three_by_default(db):
    for day in range(1, 6):
        EventFactory(**_in_days(day))
    assert render_plugin(_upcoming_plugin()).count('class="event-card"') == 3


def test_upcoming_events_says_so_when_there_are_none(db):
    EventFactory(title="Old Seminar", past=True)
    plugin = _upcoming_plugin()

    english = render_plugin(plugin)
    chinese = render_plugin(plugin, language="zh-hans")

    assert "No upcoming events have been announced yet." in english
    assert "暂无已公布的活动。" in chinese and '<a href="/zh-hans/events/">全部活动</a>' in chinese


def test_upcoming_events_speak_chinese(db):
    start = datetime(2030, 3, 26, 1, 0, tzinfo=UTC)
    event = EventFactory(slug="forum", title="AI and Law", start=start,
                         end=start + timedelta(hours=3))
    event.set_current_language("zh-hans")
    event.title = "人工智能与法律"
    event.save()

    # Headings break between Chinese words (typography.word_breaks).
    html = render_plugin(_upcoming_plugin(), language="zh-hans").replace("<wbr>", "")

    assert '<a href="/zh-hans/events/forum/">人工智能与法律</a>' in html
    assert "2030年3月26日 09:00–12:00（中国标准时间，UTC+8）" in html


@pytest.mark.urls("tests.events.urls_without_apphooks")
def test_upcoming_events_work_before_the_events_page_exists(db):
    EventFactory(title="Future Forum")

    html = render_plugin(_upcoming_plugin())

    assert '<h3 class="event-card__title">Future Forum</h3>' in html
    assert "href=" not in html and "All events" not in html


def _events_with_agendas(count: int) -> None:
    for i in range(count):
        event = EventFactory(**_in_days(i + 1))
        session = SessionFactory(event=event)
        SessionSpeakerFactory(session=session, person__slug=f"p{i % 7}")
        SessionSpeakerFactory(session=session)


# Events, their translations, sessions, session translations, speakers with their people,
# speaker notes and people's names: the same seven queries however many events there are.
UPCOMING_QUERIES = 7


@pytest.mark.parametrize("count", [5, 50])
def test_upcoming_events_queries_do_not_grow_with_events(django_assert_max_num_queries, count):
    _events_with_agendas(count)
    plugin = _upcoming_plugin(number_of_events=12)

    with django_assert_max_num_queries(UPCOMING_QUERIES):
        html = render_plugin(plugin)

    assert html.count('class="event-card"') == min(count, 12)
    assert html.count("With Speaker") == min(count, 12)


def test_upcoming_event_cards_name_the_agendas_people_and_the_next_schedule_change(db):
    # The plugin reads the people of all sessions at once instead of sessions, then speakers:
    # the same people in the same (agenda) order, and the same expiry as its own read.
    event = EventFactory(**_in_days(2))
    second, first = SessionFactory(event=event, order=2), SessionFactory(event=event, order=1)
    for session, slug, order in ((second, "c", 0), (first, "b", 1), (first, "a", 0),
                                 (second, "a", 1)):
        SessionSpeakerFactory(session=session, person__slug=slug, order=order)
    EventFactory(**_in_days(1))  # no agenda yet

    cards = selectors.upcoming_event_cards(count=3)

    assert [[person.slug for person in card.speakers()] for card in cards] == [[], ["a", "b", "c"]]
    agenda = selectors.event_for_card(event_id=event.pk, can_preview=False)
    assert cards[1].speakers() == agenda.speakers()
    assert {card.schedule_change for card in cards} == {selectors.next_schedule_change()}


def test_event_card_shows_a_published_event(db, event_with_agenda):
    event, _ = event_with_agenda
    plugin = add_plugin(bare_placeholder(), "EventCardPlugin", "en", event=event)

    html = render_plugin(plugin)

    assert '<a href="/en/events/ai-and-law/">AI and Law</a>' in html
    assert "With Yang Li" in html
    assert "/zh-hans/events/ai-and-law/" in render_plugin(plugin, language="zh-hans")


def test_event_card_of_a_draft_is_hidden_from_visitors_and_flagged_for_staff(db, staff_user):
    event = EventFactory(title="Secret Draft", draft=True)
    plugin = add_plugin(bare_placeholder(), "EventCardPlugin", "en", event=event)

    assert render_plugin(plugin).strip() == ""
    staff_html = render_plugin(plugin, user=staff_user)
    assert "“Secret Draft” is a draft" in staff_html and 'class="event-card"' not in staff_html


def test_event_card_of_a_deleted_event_renders_nothing(db):
    event = EventFactory()
    plugin = add_plugin(bare_placeholder(), "EventCardPlugin", "en", event=event)

    event.delete()
    plugin.refresh_from_db()

    assert plugin.event is None and render_plugin(plugin).strip() == ""


def test_visitors_see_upcoming_events_on_the_published_home_page(client, staff_user):
    EventFactory(slug="forum", title="Future Forum")
    for language in ("en", "zh-hans"):
        draft, placeholder = page_draft(reverse_id="home", language=language, user=staff_user,
                                        slot="events")
        add_plugin(placeholder, "UpcomingEventsPlugin", language, number_of_events=2)
        draft.publish(staff_user)

    english = client.get("/en/").content.decode()
    chinese = client.get("/zh-hans/").content.decode()

    assert '<a href="/en/events/forum/">Future Forum</a>' in english
    assert '<a href="/zh-hans/events/forum/">Future Forum</a>' in chinese
    assert "全部活动" in chinese


def test_editors_pick_an_event_and_a_sensible_number_in_the_plugin_forms(client, staff_user):
    event = EventFactory()
    _draft, placeholder = page_draft(reverse_id="home", language="en", user=staff_user,
                                       slot="events")
    client.force_login(staff_user)
    card_url = add_plugin_url(placeholder, "EventCardPlugin")
    upcoming_url = add_plugin_url(placeholder, "UpcomingEventsPlugin")

    assert "/en/admin/autocomplete/" in client.get(card_url).content.decode()
    client.post(card_url, {"event": event.pk})
    refused = client.post(upcoming_url, {"number_of_events": 50})

    assert EventCard.objects.get(placeholder=placeholder).event == event
    assert "less than or equal to 12" in refused.content.decode()
    assert not UpcomingEvents.objects.exists()
