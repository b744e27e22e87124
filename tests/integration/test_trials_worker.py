"""Apply for Trial with a real Celery worker on Redis and a real SMTP server (aiosmtpd):
each email goes out exactly once, even after the broker was unreachable."""

import time
from collections import Counter
from datetime import timedelta

import pytest
from django.conf import settings as django_settings

from center.celery import app as celery_app
from center.trials import services
from center.trials.models import EmailOutbox, TrialApplication
from center.trials.outbox import outbox_sweep
from tests.support.users import UserFactory
from tests.trials.brokers import DEAD_BROKER, broker_at
from tests.trials.factories import DecisionTemplateFactory, form_data

pytestmark = pytest.mark.integration

APPLY = "/en/apply-for-trial/"


@pytest.fixture
def worker_env(smtp_sink):
    return {"TEST_SMTP_PORT": str(smtp_sink.port)}


@pytest.fixture
def trial_site(celery_worker_process, demo_pages, settings):
    # Row ids restart with each test database: a message left by an earlier run must not
    # send one of this test's rows before the test means it to.
    celery_app.control.purge()
    settings.TRIALS_RATE_LIMIT_ENABLED = False
    return UserFactory(username="rita", email="rita@center.example", group="Reviewers")


def _settle(sink, count: int, quiet: float = 3.0) -> list:
    """Waits for `count` messages, then a little longer to catch any duplicate."""
    sink.wait_for(count, timeout=90)
    time.sleep(quiet)
    return sink.messages


def _subjects_by_recipient(messages) -> Counter:
    return Counter((m["To"], m["Subject"]) for m in messages)


def test_submit_then_approve_each_email_arrives_once(trial_site, client, smtp_sink):
    reviewer = trial_site
    response = client.post(APPLY, form_data())
    assert response.status_code == 302
    application = TrialApplication.objects.get()

    messages = _settle(smtp_sink, 2)
    assert len(messages) == 2
    confirmation = next(m for m in messages if m["To"] == "ada@example.org")
    assert application.reference in confirmation["Subject"]
    assert "/en/apply-for-trial/status/" in confirmation.get_content()
    staff = next(m for m in messages if m["To"] == "rita@center.example")
    assert f"/admin/trials/trialapplication/{application.pk}/change/" in staff.get_content()

    DecisionTemplateFactory(state="approved")
    services.application_start_review(application=application, reviewer=reviewer)
    services.application_approve(application=application, reviewer=reviewer,
                                 message="Approved: welcome aboard.")

    messages = _settle(smtp_sink, 3)
    assert len(messages) == 3
    assert "Approved: welcome aboard." in messages[-1].get_content()
    assert len({m["Message-ID"] for m in messages}) == 3
    assert set(EmailOutbox.objects.values_list("status", flat=True)) == {"sent"}


def test_broker_down_twenty_applications_then_the_sweep_sends_each_email_once(
        trial_site, client, smtp_sink):
    timings = []
    client.get(APPLY)  # the process's first request loads middleware and URLs: not timed
    with broker_at(DEAD_BROKER):
        for i in range(20):
            started = time.monotonic()
            response = client.post(APPLY, form_data(email=f"applicant{i}@example.org"))
            thanks = client.get(response["Location"])
            timings.append(time.monotonic() - started)
            assert response.status_code == 302 and thanks.status_code == 200
            assert "TR-" in thanks.content.decode()
    print(f"\nbroker down: slowest submit {max(timings):.2f}s, all 20 in {sum(timings):.2f}s")
    assert max(timings) < 3 and sum(timings) < 10
    assert TrialApplication.objects.count() == 20
    assert EmailOutbox.objects.filter(status="pending").count() == 40
    assert smtp_sink.messages == []

    # The broker is back (this process publishes to CELERY_BROKER_URL again): beat's sweep.
    assert django_settings.CELERY_BROKER_URL != DEAD_BROKER
    assert outbox_sweep(older_than=timedelta(0)) == 40
    outbox_sweep(older_than=timedelta(0))  # a second sweep overlapping the first: no harm

    messages = _settle(smtp_sink, 40, quiet=5)
    counts = _subjects_by_recipient(messages)
    assert len(messages) == 40 and max(counts.values()) == 1
    assert sum(1 for m in messages if m["To"] == "rita@center.example") == 20
    assert {m["To"] for m in messages} - {"rita@center.example"} == {
        f"applicant{i}@example.org" for i in range(20)}
    assert len({m["Message-ID"] for m in messages}) == 40
    assert EmailOutbox.objects.filter(status="sent").count() == 40
