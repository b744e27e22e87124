import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.utils import timezone, translation

from center.core.links import site_root

from .factories import EventFactory, SessionFactory, SessionSpeakerFactory

LIST = "/en/events/"
# Measured with a warm cache: the CMS's page and menu lookups plus six prefetch queries per
# event list. The same bound must hold for 5 and 50 events.
LIST_QUERIES = 23
DETAIL_QUERIES = 16

pytestmark = pytest.mark.usefixtures("demo_pages")


def _person_url(person) -> str:
    with translation.override("en"):
        return person.get_absolute_url()


def _json_ld(html: str) -> dict:
    body = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    return json.loads(body)


def test_events_page_is_empty_but_fine_without_events(client):
    for url in (LIST, "/zh-hans/events/"):
        response = client.get(url)
        assert response.status_code == 200
    assert "No upcoming events have been announced yet." in client.get(LIST).content.decode()


def test_list_splits_upcoming_from_past_and_hides_drafts(client):
    EventFactory(title="Future Forum")
    EventFactory(title="Old Seminar", past=True)
    EventFactory(title="Secret Draft", draft=True)

    html = client.get(LIST).content.decode()
    upcoming, past = html.split('id="events-past"', 1)

    assert "Future Forum" in upcoming and "Old Seminar" not in upcoming
    assert "Old Seminar" in past
    assert "Secret Draft" not in html


@pytest.mark.parametrize("query", ["?year=abc", "?year=1850", "?page=999", "?page=x",
                                   "?year=&page=-1"])
def test_bad_filters_fall_back_instead_of_failing(client, query):
    EventFactory(title="Old Seminar", past=True)
    response = client.get(LIST + query)
    assert response.status_code == 200
    assert "Old Seminar" in response.content.decode()


def test_year_filter_and_pagination(client):
    now = timezone.now()
    for i in range(12):
        EventFactory(title=f"Recent {i}", start=now - timedelta(days=i + 1),
                     end=now - timedelta(days=i + 1) + timedelta(hours=1))
    EventFactory(title="Back in 2019", start=datetime(2019, 5, 1, 2, tzinfo=UTC),
                 end=datetime(2019, 5, 1, 4, tzinfo=UTC))

    html = client.get(LIST + "?year=2019").content.decode()
    assert "Back in 2019" in html and "Recent 0" not in html
    assert 'href="?year=2019" aria-current="page"' in html

    first, second = (client.get(LIST + f"?page={n}").content.decode() for n in (1, 2))
    assert "Recent 0<" in first and "Back in 2019" not in first
    assert "Back in 2019" in second and "Page 2 of 2" in second


def test_draft_is_404_for_visitors_and_previewable_by_staff(client, staff_user):
    event = EventFactory(slug="draft-forum", title="Draft Forum", draft=True)
    assert client.get("/en/events/draft-forum/").status_code == 404
    assert client.get("/en/events/draft-forum/event.ics").status_code == 404

    client.force_login(staff_user)
    response = client.get(event.get_absolute_url("en"))
    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()
    assert "private" in response["Cache-Control"]


def test_unknown_slug_gets_the_friendly_404(client):
    response = client.get("/en/events/no-such-event/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_detail_shows_times_in_shanghai_with_the_zone_named(client):
    start = datetime(2030, 3, 26, 1, 0, tzinfo=UTC)
    EventFactory(slug="forum", start=start, end=start + timedelta(hours=3))

    html = client.get("/en/events/forum/").content.decode()
    zh = client.get("/zh-hans/events/forum/").content.decode()

    assert "26 March 2030, 09:00–12:00 (China Standard Time, UTC+8)" in html
    assert "2030年3月26日 09:00–12:00（中国标准时间，UTC+8）" in zh


def test_detail_shows_venue_registration_agenda_and_speaker_links(client, event_with_agenda):
    event, person = event_with_agenda
    event.map_url = "https://www.openstreetmap.org/?q=1"
    event.registration_url = "https://example.org/register"
    event.save()

    html = client.get(event.get_absolute_url("en")).content.decode()

    assert "North Building No.4" in html and 'href="https://www.openstreetmap.org/?q=1"' in html
    assert 'href="https://example.org/register"' in html
    assert '<ol class="agenda"' in html and "Keynote" in html and "Keynote on AI" in html
    assert f'href="{_person_url(person)}">Yang Li</a>, on behalf of the Institute' in html


def test_detail_breadcrumbs_lead_home_through_the_events_page(client, event_with_agenda):
    html = client.get("/zh-hans/events/ai-and-law/").content.decode()

    crumbs = html.split('<nav class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
    assert re.findall(r'<a href="([^"]+)">([^<]+)</a>', crumbs) == [
        ("/zh-hans/", "首页"), ("/zh-hans/events/", "活动")]
    assert '<span aria-current="page">AI and Law</span>' in crumbs


def test_by_invitation_is_stated(client):
    event = EventFactory(by_invitation=True)
    assert "By invitation" in client.get(event.get_absolute_url("en")).content.decode()


def test_non_public_speaker_is_named_without_a_link(client, event_with_agenda):
    event, person = event_with_agenda
    person.is_public = False
    person.save()
    html = client.get(event.get_absolute_url("en")).content.decode()
    assert "Yang Li" in html and f'href="{_person_url(person)}"' not in html


def test_json_ld_describes_the_event_safely(client, event_with_agenda):
    event, _ = event_with_agenda
    event.set_current_language("en")
    event.title = "AI </script><script>alert(1)</script> & Law"
    event.format = "hybrid"
    event.save()

    html = client.get(event.get_absolute_url("en")).content.decode()
    data = _json_ld(html)

    assert "<script>alert(1)" not in html
    assert data["@type"] == "Event" and data["name"] == event.title
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [p["name"] for p in data["performer"]] == ["Yang Li"]
    assert data["startDate"].endswith("+08:00")
    assert data["organizer"]["name"] == "Center for Computational Law and AI Ethics Research"
    assert {place["@type"] for place in data["location"]} == {"Place", "VirtualLocation"}


def test_language_switcher_and_alternates_stay_on_the_event(client, event_with_agenda):
    event, _ = event_with_agenda
    html = client.get("/en/events/ai-and-law/").content.decode()
    assert 'href="/zh-hans/events/ai-and-law/" lang="zh-hans"' in html
    assert f'hreflang="zh-hans" href="{site_root()}/zh-hans/events/ai-and-law/"' in html
    assert f'hreflang="en" href="{site_root()}/en/events/ai-and-law/"' in html


def test_untranslated_event_shows_english_with_a_note(client, event_with_agenda):
    event, _ = event_with_agenda
    html = client.get("/zh-hans/events/ai-and-law/").content.decode()
    assert "尚未翻译" in html and "<h1>AI and Law</h1>" in html
    assert '<article class="prose event" lang="en">' in html

    event.set_current_language("zh-hans")
    event.title = "人工智能与法律"
    event.save()
    # Headings break between Chinese words (typography.word_breaks).
    html = client.get("/zh-hans/events/ai-and-law/").content.decode().replace("<wbr>", "")
    assert "尚未翻译" not in html and "<h1>人工智能与法律</h1>" in html


def _events_with_agendas(count: int) -> None:
    for i in range(count):
        event = EventFactory(past=bool(i % 2))
        for kind in ("keynote", "panel"):
            session = SessionFactory(event=event, kind=kind)
            SessionSpeakerFactory(session=session, person__slug=f"p{i % 7}")
            SessionSpeakerFactory(session=session)


@pytest.mark.parametrize("count", [5, 50])
def test_list_query_count_does_not_grow_with_events(client, django_assert_max_num_queries,
                                                    count):
    _events_with_agendas(count)
    client.get(LIST)  # warm the CMS's own caches, as on a live site
    with django_assert_max_num_queries(LIST_QUERIES):
        response = client.get(LIST)
    shown = response.content.decode().count('class="event-card"')
    assert shown == (count + 1) // 2 + min(count // 2, 10)  # every upcoming, one page of past


@pytest.mark.parametrize("count", [1, 8])
def test_detail_query_count_does_not_grow_with_speakers(client, django_assert_max_num_queries,
                                                        count):
    event = EventFactory(slug="big")
    for _ in range(count):
        SessionSpeakerFactory(session=SessionFactory(event=event))
    client.get("/en/events/big/")
    with django_assert_max_num_queries(DETAIL_QUERIES):
        assert client.get("/en/events/big/").status_code == 200
