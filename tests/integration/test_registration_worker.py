"""Event registration with a real Celery worker on Redis and a real SMTP server: confirm,
waitlist, cancel by the email's link, promotion by the worker, accept by the link, and the
reminder the day before, each email arriving exactly once even when the reminder task
runs twice."""

import time
from collections import Counter
from datetime import timedelta
from urllib.parse import urlsplit

import icalendar
import pytest
from django.utils import timezone

from center.celery import app as celery_app
from center.core.queue import enqueue
from center.events.models import Event
from center.registrations import services
from center.registrations.models import Notice, Registration
from tests.registrations.conftest import open_event

pytestmark = pytest.mark.integration


@pytest.fixture
def worker_env(smtp_sink):
    return {"TEST_SMTP_PORT": str(smtp_sink.port)}


@pytest.fixture
def registration_site(celery_worker_process, demo_pages):
    # Row ids restart with each test database: nothing left from an earlier run may send.
    celery_app.control.purge()
    return demo_pages


def _wait_for(sink, count: int, quiet: float = 2.0) -> list:
    """Waits for `count` messages, then a little longer to catch any duplicate."""
    sink.wait_for(count, timeout=90)
    time.sleep(quiet)
    return sink.messages


def _link(message, path_start: str) -> str:
    """The path of the link in the email's text that starts with `path_start`."""
    text = message.get_body(("plain",)).get_content()
    [url] = [word for word in text.split() if urlsplit(word).path.startswith(path_start)]
    return urlsplit(url).path


def _uid(ics: bytes) -> str:
    return str(icalendar.Calendar.from_ical(ics).walk("VEVENT")[0]["UID"])


def _calendar_attachment(message) -> bytes:
    [part] = [p for p in message.iter_attachments() if p.get_content_type() == "text/calendar"]
    return part.get_payload(decode=True)


def _wait_until(check, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the worker did not get there in time"
        time.sleep(0.2)


def test_confirm_cancel_promote_accept_remind_each_email_once(
        registration_site, smtp_sink, client):
    setup = open_event(capacity=1)
    event = setup.event
    ada, _ = services.registration_create(event_id=event.pk, name="Ada",
                                          email="ada@example.org", language="en")
    ben, _ = services.registration_create(event_id=event.pk, name="Ben",
                                          email="ben@example.org", language="en")
    assert (ada.status, ben.status) == ("confirmed", "waitlisted")

    messages = _wait_for(smtp_sink, 2)
    [confirmation] = [m for m in messages if m["To"] == "ada@example.org"]
    assert confirmation["Subject"].startswith("Your seat is confirmed")
    page_ics = client.get(f"/en/events/{event.slug}/event.ics")
    assert page_ics.status_code == 200
    assert _uid(_calendar_attachment(confirmation)) == _uid(page_ics.content)
    [waitlisted] = [m for m in messages if m["To"] == "ben@example.org"]
    assert waitlisted["Subject"].startswith("You are on the waitlist")

    # Ada cancels by the link in her email; the worker offers her seat to Ben.
    cancel_link = _link(confirmation, "/en/registrations/cancel/")
    assert client.post(cancel_link).status_code == 302
    messages = _wait_for(smtp_sink, 4)
    [offer] = [m for m in messages if m["Subject"].startswith("A seat is free")]
    assert offer["To"] == "ben@example.org"
    accept_link = _link(offer, "/en/registrations/accept/")

    assert client.post(accept_link).status_code == 302
    ben.refresh_from_db()
    assert ben.status == "confirmed"
    _wait_for(smtp_sink, 5)

    # The event moves to tomorrow; beat's reminder task runs twice.
    start = timezone.now() + timedelta(hours=20)
    Event.objects.filter(pk=event.pk).update(start=start, end=start + timedelta(hours=2))
    assert enqueue("registrations.send_reminders") and enqueue("registrations.send_reminders")
    messages = _wait_for(smtp_sink, 6, quiet=5)
    _wait_until(lambda: not Notice.objects.exclude(status="sent").exists())

    kinds = Counter((m["To"], m["Subject"].split(":")[0]) for m in messages)
    assert kinds == Counter({
        ("ada@example.org", "Your seat is confirmed"): 1,
        ("ada@example.org", "Registration cancelled"): 1,
        ("ben@example.org", "You are on the waitlist"): 1,
        ("ben@example.org", "A seat is free for you"): 1,
        ("ben@example.org", "Your seat is confirmed"): 1,
        ("ben@example.org", "Tomorrow"): 1,
    })
    [reminder] = [m for m in messages if m["Subject"].startswith("Tomorrow")]
    assert _uid(_calendar_attachment(reminder)) == _uid(page_ics.content)
    assert Registration.objects.get(pk=ben.pk).reminder_sent_at is not None
    assert Registration.objects.get(pk=ada.pk).reminder_sent_at is None
