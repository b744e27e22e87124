"""What registrants receive after registering: a freed seat offered once to the next in
line and passed on when not taken, the reminder the day before exactly once, staff's news
about the event once per person, emails in the registrant's language and the event's time
zone, and pending emails picked up again by the sweep."""

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection, connections
from django.test import Client
from django.utils import timezone

from center.celery import app as celery_app
from center.registrations import links, notices, services
from center.registrations.models import Notice, Registration, RegistrationSetup
from center.registrations.tasks import promote_waitlist, send_reminders, sweep_notices
from tests.events.factories import EventFactory
from tests.support.users import UserFactory

from .conftest import open_event

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Runs what happens on commit (eager Celery: promotion, sending) at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def site(demo_pages):
    return demo_pages  # event links in emails need the events page's apphook


def register(setup, name, language="en", now=None):
    registration, _ = services.registration_create(
        event_id=setup.event_id, name=name, email=f"{name.lower()}@example.org",
        language=language, now=now)
    return registration


def emails(mailoutbox, to, subject_part=""):
    return [m for m in mailoutbox if m.to == [to] and subject_part in m.subject]


def status(registration):
    registration.refresh_from_db()
    return registration.status


def test_a_cancelled_seat_is_offered_to_the_first_waiting_exactly_once(
        site, committed, mailoutbox):
    setup = open_event(capacity=1)
    with committed():
        ada, ben, cai = (register(setup, name) for name in ("Ada", "Ben", "Cai"))
    with committed():
        services.registration_cancel(registration=ada)
    # A retried task and a second worker find the seat already offered.
    with committed():
        promote_waitlist(setup.event_id)
        promote_waitlist.apply(args=[setup.event_id])
        services.waitlist_promote(event_id=setup.event_id)
    assert (status(ben), status(cai)) == ("offered", "waitlisted")
    offers = emails(mailoutbox, "ben@example.org", "A seat is free")
    assert len(offers) == 1 and "/en/registrations/accept/" in offers[0].body
    assert not emails(mailoutbox, "cai@example.org", "A seat is free")


def test_an_offer_not_taken_in_time_passes_to_the_next_and_cannot_be_accepted(
        site, committed, mailoutbox, client):
    setup = open_event(capacity=1, offer_hours=24)
    with committed():
        ada, ben, cai = (register(setup, name) for name in ("Ada", "Ben", "Cai"))
        services.registration_cancel(registration=ada)
    ben.refresh_from_db()
    later = ben.offer_expires_at + timedelta(minutes=1)
    with committed():
        assert services.offers_expire(now=later) == 1
    assert (status(ben), status(cai)) == ("expired", "offered")
    assert len(emails(mailoutbox, "cai@example.org", "A seat is free")) == 1
    with pytest.raises(services.RegistrationRefused):
        services.offer_accept(registration=ben)
    # Ben's link, clicked late, says so instead of taking Cai's seat.
    response = client.post(urlsplit(links.accept_url(ben)).path)
    assert response.status_code == 409
    assert "no longer open" in response.content.decode()
    assert (status(ben), status(cai)) == ("expired", "offered")


def test_raising_the_capacity_offers_the_new_seats_to_the_waitlist(site, committed, mailoutbox):
    setup = open_event(capacity=1)
    with committed():
        register(setup, "Ada")
        ben, cai, dan = (register(setup, name) for name in ("Ben", "Cai", "Dan"))
    setup.capacity = 3
    with committed():
        setup.save()
    assert [status(r) for r in (ben, cai, dan)] == ["offered", "offered", "waitlisted"]
    assert len(emails(mailoutbox, "cai@example.org", "A seat is free")) == 1


def _soon_event(setup, hours):
    EventFactory._meta.model.objects.filter(pk=setup.event_id).update(
        start=timezone.now() + timedelta(hours=hours),
        end=timezone.now() + timedelta(hours=hours + 2))


def test_the_reminder_goes_once_to_confirmed_seats_of_events_within_a_day(
        site, committed, mailoutbox):
    tomorrow = open_event(capacity=2)
    with committed():
        ada, ben = register(tomorrow, "Ada"), register(tomorrow, "Ben")
        cai = register(tomorrow, "Cai")  # waitlisted
        services.registration_cancel(registration=ben)  # Cai is offered Ben's seat
    with committed():
        dan = register(tomorrow, "Dan")  # waitlisted behind Cai
    next_week = open_event(capacity=5)
    with committed():
        eve = register(next_week, "Eve")
    _soon_event(tomorrow, hours=20)
    mailoutbox.clear()

    with committed():
        first = services.reminders_send()
        send_reminders()  # beat again, an hour later or at the same time
        services.reminders_send()
    assert [r.pk for r in first] == [ada.pk]
    reminders = [m for m in mailoutbox if m.subject.startswith("Tomorrow")]
    assert [m.to for m in reminders] == [["ada@example.org"]]
    body = reminders[0].body
    assert "North Building No.4" in body and "/en/registrations/cancel/" in body
    assert any(name.endswith(".ics") for name, _, _ in reminders[0].attachments)
    assert Registration.objects.filter(reminder_sent_at__isnull=False).count() == 1
    assert {status(cai), status(dan), status(eve)} == {"offered", "waitlisted", "confirmed"}


def test_no_reminder_for_an_event_that_has_begun(site, committed, mailoutbox):
    setup = open_event(capacity=2)
    with committed():
        register(setup, "Ada")
    _soon_event(setup, hours=-1)
    with committed():
        assert services.reminders_send() == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_beat_runs_at_the_same_moment_remind_each_registration_once():
    if connection.vendor != "postgresql":
        pytest.skip("SKIP LOCKED is PostgreSQL's")
    setup = open_event(capacity=30)
    for i in range(30):
        services.registration_create(event_id=setup.event_id, name=f"Guest {i}",
                                     email=f"guest{i}@example.org", language="en")
    _soon_event(setup, hours=10)
    Notice.objects.all().delete()
    start = threading.Barrier(6)

    def run(_):
        try:
            start.wait()
            return [r.pk for r in services.reminders_send()]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=6) as pool:
        reminded = [pk for batch in pool.map(run, range(6)) for pk in batch]
    assert sorted(reminded) == sorted(Registration.objects.values_list("pk", flat=True))
    assert Notice.objects.filter(kind="reminder").count() == 30


def _notify(client, setup, kind, message, notification_id=None):
    url = f"/en/admin/registrations/registrationsetup/{setup.pk}/notify/"
    form = client.get(url)
    assert form.status_code == 200
    notification_id = notification_id or form.context["form"].initial["notification_id"]
    return client.post(url, {"kind": kind, "message": message,
                             "notification_id": notification_id}), notification_id


def test_staff_news_of_a_change_reaches_each_active_registrant_once(
        site, committed, mailoutbox, client, event_manager):
    setup = open_event(capacity=1)
    with committed():
        register(setup, "Ada"), register(setup, "Ben")
        cai = register(setup, "Cai")
        services.registration_cancel(registration=cai)
    mailoutbox.clear()
    client.force_login(event_manager)
    with committed():
        response, sent_id = _notify(client, setup, "event_changed", "We move to Room 101.")
    assert response.status_code == 302
    with committed():  # the same form posted again (a double click, the back button)
        _notify(client, setup, "event_changed", "We move to Room 101.", sent_id)
    assert sorted(m.to[0] for m in mailoutbox) == ["ada@example.org", "ben@example.org"]
    assert all("We move to Room 101." in m.body for m in mailoutbox)
    # The updated calendar entry for the seat; Ben, waiting, has none to update.
    assert emails(mailoutbox, "ada@example.org")[0].attachments
    assert not emails(mailoutbox, "ben@example.org")[0].attachments
    # A new message is a new email.
    with committed():
        _notify(client, setup, "event_changed", "And it starts at 15:00.")
    assert len(mailoutbox) == 4


def test_staff_cancelling_the_event_tells_everyone_and_closes_registration(
        site, committed, mailoutbox, client, event_manager):
    setup = open_event(capacity=1)
    with committed():
        register(setup, "Ada"), register(setup, "Ben", language="zh-hans")
    mailoutbox.clear()
    client.force_login(event_manager)
    with committed():
        _notify(client, setup, "event_cancelled", "The speaker is ill.")
    setup.refresh_from_db()
    assert setup.mode == "closed"
    assert Registration.objects.filter(status__in=["confirmed", "waitlisted"]).count() == 2
    english = emails(mailoutbox, "ada@example.org")[0]
    assert english.subject.startswith("Cancelled:") and "The speaker is ill." in english.body
    chinese = emails(mailoutbox, "ben@example.org")[0]
    assert chinese.subject.startswith("已取消") and "很遗憾" in chinese.body
    with pytest.raises(services.RegistrationRefused):
        register(setup, "Dan")
    # Ada cancels her seat: nobody is offered a seat at an event that will not happen.
    with committed():
        services.registration_cancel(registration=Registration.objects.get(name="Ada"))
    assert Registration.objects.get(name="Ben").status == "waitlisted"
    assert services.waitlist_promote(event_id=setup.event_id) == []


def test_the_notify_page_refuses_a_message_left_empty(site, client, event_manager):
    setup = open_event(capacity=1)
    client.force_login(event_manager)
    response, _ = _notify(client, setup, "event_changed", "   ")
    assert response.status_code == 200
    assert "errornote" in response.content.decode()
    assert not Notice.objects.exists()


def test_a_chinese_registrant_reads_chinese_with_the_event_s_local_time(
        site, committed, mailoutbox):
    now = datetime(2027, 4, 20, 14, 0, tzinfo=SHANGHAI)
    event = EventFactory(start=datetime(2027, 5, 6, 9, 30, tzinfo=SHANGHAI),
                         end=datetime(2027, 5, 6, 12, 0, tzinfo=SHANGHAI),
                         timezone="Asia/Shanghai")
    setup = RegistrationSetup.objects.create(event=event, mode="open", capacity=1,
                                             offer_hours=48)
    with committed():
        ada = register(setup, "Ada", now=now)
        register(setup, "Ben", language="zh-hans", now=now)
    waitlisted = emails(mailoutbox, "ben@example.org")[0]
    assert "候补" in waitlisted.subject and "/zh-hans/registrations/cancel/" in waitlisted.body
    # Cancelled on 20 April 2027 (the promotion task would run at today's date: run it here).
    services.registration_cancel(registration=ada, now=now)
    with committed():
        services.waitlist_promote(event_id=setup.event_id, now=now)
    [offer] = emails(mailoutbox, "ben@example.org", "有空位为您保留")
    assert "2027年4月22日 14:00" in offer.body  # 48 hours, in Shanghai time
    assert "/zh-hans/registrations/accept/" in offer.body and "您好" in offer.body


def test_dates_follow_the_event_s_time_zone(site, committed, mailoutbox):
    setup = open_event(capacity=1)
    london = datetime(2030, 1, 10, 18, 0, tzinfo=UTC)
    EventFactory._meta.model.objects.filter(pk=setup.event_id).update(
        timezone="Europe/London", start=london, end=london + timedelta(hours=2))
    with committed():
        register(setup, "Ada")
    Registration.objects.update(reminder_sent_at=None)
    with committed():
        services.reminders_send(now=london - timedelta(hours=20))
    reminder = [m for m in mailoutbox if m.subject.startswith("Tomorrow")][0]
    assert "18:00" in reminder.body and "UTC+0" in reminder.body


def test_the_sweep_sends_an_email_left_pending(site, mailoutbox):
    setup = open_event(capacity=1)
    # No commit hook runs here: the rows stay pending, as with the broker down.
    ada = register(setup, "Ada")
    row = Notice.objects.get(registration=ada)
    assert notices.notices_sweep() == 0  # too recent: its own task may still be coming
    Notice.objects.filter(pk=row.pk).update(created_at=timezone.now() - timedelta(minutes=10))
    assert notices.notices_sweep() == 1
    row.refresh_from_db()
    assert row.status == "sent" and len(mailoutbox) == 1
    assert notices.notices_sweep() == 0 and len(mailoutbox) == 1


def test_the_sweep_leaves_a_row_a_worker_is_sending(site, mailoutbox):
    setup = open_event(capacity=1)
    ada = register(setup, "Ada")
    Notice.objects.filter(registration=ada).update(
        created_at=timezone.now() - timedelta(minutes=10),
        claimed_until=timezone.now() + timedelta(minutes=5))
    assert notices.notices_sweep() == 0 and mailoutbox == []


def test_the_cancel_and_accept_pages_speak_chinese(site, committed):
    setup = open_event(capacity=1)
    with committed():
        ada = register(setup, "Ada", language="zh-hans")
    cancel = Client().get(urlsplit(links.cancel_url(ada)).path)
    assert cancel.status_code == 200 and "取消我的报名" in cancel.content.decode()
    broken = Client().get("/zh-hans/registrations/accept/not-a-token/")
    assert broken.status_code == 404 and "此链接无效" in broken.content.decode()


def test_a_freed_seat_is_kept_for_the_waitlist_not_the_next_to_register(site, committed):
    setup = open_event(capacity=1)
    with committed():
        ada, ben = register(setup, "Ada"), register(setup, "Ben")
    services.registration_cancel(registration=ada)  # the promotion task is still queued
    cai = register(setup, "Cai")
    assert status(cai) == "waitlisted"
    with committed():
        promote_waitlist(setup.event_id)
    assert (status(ben), status(cai)) == ("offered", "waitlisted")


def test_the_sweep_promotes_when_the_promotion_task_was_lost(site, committed, mailoutbox):
    setup = open_event(capacity=1)
    with committed():
        ada, ben = register(setup, "Ada"), register(setup, "Ben")
    services.registration_cancel(registration=ada)  # the broker was down: no task
    assert status(ben) == "waitlisted"
    with committed():
        sweep_notices()
        sweep_notices()
    assert status(ben) == "offered"
    assert len(emails(mailoutbox, "ben@example.org", "A seat is free")) == 1


def test_only_staff_who_may_change_the_event_s_registration_can_email_registrants(
        site, client):
    setup = open_event(capacity=1)
    client.force_login(UserFactory(username="eddie", group="Editors"))
    url = f"/en/admin/registrations/registrationsetup/{setup.pk}/notify/"
    assert client.get(url).status_code == 403
    assert client.post(url, {"kind": "event_cancelled", "message": "Gone.",
                             "notification_id": str(uuid.uuid4())}).status_code == 403
    setup.refresh_from_db()
    assert setup.mode == "open" and not Notice.objects.exists()


@pytest.mark.parametrize("entry", ["registrations-send-reminders", "registrations-sweep-notices"])
def test_beat_runs_the_reminders_hourly_and_the_sweep_every_minute(entry):
    celery_app.autodiscover_tasks(force=True)
    task = settings.CELERY_BEAT_SCHEDULE[entry]["task"]
    assert task in celery_app.tasks
