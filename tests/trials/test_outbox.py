import time
from datetime import timedelta

import pytest
from django.core import mail
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
