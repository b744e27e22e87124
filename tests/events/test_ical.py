from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar

from center.core.links import site_root

from .factories import EventFactory

pytestmark = pytest.mark.usefixtures("demo_pages")


def _events(response):
    return [c for c in Calendar.from_ical(response.content).walk("VEVENT")]


def test_single_event_file(client):
    start = datetime(2030, 3, 26, 1, 0, tzinfo=UTC)
    event = EventFactory(slug="forum", title="Forum", start=start, end=start + timedelta(hours=2),
                         venue_name="North Building No.4", venue_address="1954 Huashan Road")

    response = client.get("/en/events/forum/event.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="forum.ics"'
    (vevent,) = _events(response)
    assert str(vevent["UID"]) == f"event-{event.pk}@127.0.0.1:8000"
    dtstart = vevent.decoded("DTSTART")
    assert dtstart == event.start and dtstart.utcoffset() == timedelta(0)
    assert vevent.decoded("DTEND") == event.end
    assert "DTSTAMP" in vevent
    assert str(vevent["SUMMARY"]) == "Forum"
    assert str(vevent["LOCATION"]) == "North Building No.4, 1954 Huashan Road"
    assert str(vevent["URL"]) == f"{site_root()}/en/events/forum/"


def test_calendar_has_only_published_upcoming_events(client):
    upcoming = EventFactory(title="Upcoming Forum")
    EventFactory(title="Old Seminar", past=True)
    EventFactory(title="Secret Draft", draft=True)

    response = client.get("/en/events/calendar.ics")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert "Center for Computational Law" in str(calendar["X-WR-CALNAME"])
    assert [str(v["SUMMARY"]) for v in _events(response)] == ["Upcoming Forum"]
    assert str(_events(response)[0]["UID"]).startswith(f"event-{upcoming.pk}@")


def test_calendar_is_valid_without_events(client):
    response = client.get("/zh-hans/events/calendar.ics")
    assert response.status_code == 200 and _events(response) == []
