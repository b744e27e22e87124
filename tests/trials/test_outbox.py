import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.utils import timezone

from center.trials import outbox
from center.trials.models import EmailOutbox, TrialApplication

from .brokers import DEAD_BROKER, broker_at
from .conftest import APPLY
from .factories import application_create, form_data

pytestmark = pytest.mark.usefixtures("trial_page", "reviewer")


@pytest.fixture
def dead_broker():
    with broker_at(DEAD_BROKER):
        yield


def test_sending_a_row_twice_sends_one_email(db):
    application = application_create()
    row = application.emails.get(kind="confirmation")

    assert outbox.outbox_send(row_id=row.pk) == "sent"
    assert outbox.outbox_send(row_id=row.pk) == "already sent"

    assert len(mail.outbox) == 1
    row.refresh_from_db()
    assert row.status == "sent" and row.message_id == mail.outbox[0].extra_headers["Message-ID"]


def test_a_second_task_arriving_while_the_first_sends_skips_the_row(db, monkeypatch):
    # Two workers racing for one row. SQLite ignores select_for_update: no lock stopped this.
    row = application_create().emails.get(kind="confirmation")
    send, overlapping = EmailMessage.send, []

    def send_while_a_duplicate_task_runs(message, *args, **kwargs):
        monkeypatch.setattr(EmailMessage, "send", send)
        overlapping.append(outbox.outbox_send(row_id=row.pk))
        return send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", send_while_a_duplicate_task_runs)
    assert outbox.outbox_send(row_id=row.pk) == "sent"
    assert overlapping == ["claimed by another worker"] and len(mail.outbox) == 1
    row.refresh_from_db()
    assert (row.status, row.attempts, row.claimed_until) == ("sent", 1, None)


def test_only_one_claim_wins_and_a_claim_past_its_lease_can_be_taken_again(db):
    row = application_create().emails.get(kind="confirmation")

    assert outbox.outbox_claim(row.pk) is not None
    assert outbox.outbox_claim(row.pk) is None
    assert outbox.outbox_send(row_id=row.pk) == "claimed by another worker"
    assert mail.outbox == []

    # The claimant died mid-send: once its lease has run out, another worker sends the row.
    EmailOutbox.objects.filter(pk=row.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1))
    assert outbox.outbox_send(row_id=row.pk) == "sent" and len(mail.outbox) == 1
    assert outbox.outbox_claim(row.pk) is None  # sent rows are never claimed again
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 2)


def test_a_row_whose_worker_died_mid_send_is_resent_after_the_lease_with_its_message_id(
        db, monkeypatch):
    row = application_create().emails.get(kind="confirmation")

    def killed(message, *args, **kwargs):
        raise SystemExit("worker killed")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMessage, "send", killed)
        with pytest.raises(SystemExit):
            outbox.outbox_send(row_id=row.pk)
    row.refresh_from_db()
    assert row.status == "pending" and row.message_id and row.claimed_until > timezone.now()

    # The sweep leaves the claimed row alone while the claim lasts (eager Celery sends here).
    assert outbox.outbox_sweep(older_than=timedelta(0)) == 1
    assert [m.to[0] for m in mail.outbox] == ["rita@center.example"]
    EmailOutbox.objects.filter(pk=row.pk).update(
        claimed_until=timezone.now() - timedelta(seconds=1))
    assert outbox.outbox_sweep(older_than=timedelta(0)) == 1

    assert mail.outbox[-1].to == ["ada@example.org"]
    assert mail.outbox[-1].extra_headers["Message-ID"] == row.message_id  # a known duplicate
    assert EmailOutbox.objects.get(pk=row.pk).status == "sent"


def test_a_worker_whose_claim_ran_out_does_not_overwrite_the_next_workers_result(
        db, monkeypatch):
    row = application_create().emails.get(kind="confirmation")
    send = EmailMessage.send

    def slow_then_failing(message, *args, **kwargs):
        monkeypatch.setattr(EmailMessage, "send", send)
        EmailOutbox.objects.filter(pk=row.pk).update(
            claimed_until=timezone.now() - timedelta(seconds=1))
        assert outbox.outbox_send(row_id=row.pk) == "sent"  # the next worker
        raise OSError("connection reset")

    monkeypatch.setattr(EmailMessage, "send", slow_then_failing)
    assert outbox.outbox_send(row_id=row.pk) == "failed"
    row.refresh_from_db()
    assert (row.status, row.last_error, row.claimed_until) == ("sent", "", None)
    assert len(mail.outbox) == 1


def test_an_smtp_failure_leaves_the_row_for_the_sweep_and_gives_up_in_the_end(db, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 1
    row = application_create().emails.get(kind="confirmation")

    assert outbox.outbox_send(row_id=row.pk) == "failed"
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("pending", 1) and "Connection" in row.last_error
    EmailOutbox.objects.filter(pk=row.pk).update(attempts=outbox.MAX_ATTEMPTS - 1)
    outbox.outbox_send(row_id=row.pk)
    assert EmailOutbox.objects.get(pk=row.pk).status == "failed"


def test_the_sweep_publishes_only_rows_pending_for_a_while(db, settings):
    settings.TRIALS_OUTBOX_RETRY_MINUTES = 5
    old = application_create(email="old@example.org")
    new = application_create(email="new@example.org")
    EmailOutbox.objects.filter(application=old).update(
        created_at=timezone.now() - timedelta(minutes=6))

    assert outbox.outbox_sweep() == 2  # eager Celery sends them here
    assert sorted(m.to[0] for m in mail.outbox) == ["old@example.org", "rita@center.example"]
    assert set(new.emails.values_list("status", flat=True)) == {"pending"}
    assert outbox.outbox_sweep() == 0  # nothing left that is old enough


def test_with_the_broker_down_applicants_still_get_the_thank_you_page_quickly(
        client, dead_broker, django_capture_on_commit_callbacks):
    timings = []
    for i in range(5):
        started = time.monotonic()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(APPLY, form_data(email=f"p{i}@example.org"))
        timings.append(time.monotonic() - started)
        assert response.status_code == 302
        assert client.get(response["Location"]).status_code == 200

    # The first publish waits out the broker's short retries; the rest skip straight on.
    assert max(timings) < 3 and sum(timings[1:]) < 2
    assert TrialApplication.objects.count() == 5
    assert EmailOutbox.objects.filter(status="pending").count() == 10 and mail.outbox == []


def test_an_email_that_breaks_unexpectedly_does_not_hold_back_the_other_of_its_task(
        db, monkeypatch):
    application = application_create()
    mail.outbox.clear()
    rows = {row.kind: row.pk for row in application.emails.all()}
    message_for = outbox.message_for

    def broken_confirmation(row):
        if row.kind == "confirmation":
            raise RuntimeError("a template error")
        return message_for(row)

    monkeypatch.setattr(outbox, "message_for", broken_confirmation)
    outcomes = outbox.outbox_send_all([rows["confirmation"], rows["staff_notification"]])

    assert outcomes == ["error", "sent"]
    assert [m.to for m in mail.outbox] and len(mail.outbox) == 1
    assert EmailOutbox.objects.get(pk=rows["confirmation"]).status == "pending"
