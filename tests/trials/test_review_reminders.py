"""The daily reminder about overdue applications: one email per reviewer per day, listing
theirs, however often beat fires or however many workers run it."""

from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.utils import timezone

from center.core.queue import enqueue
from center.trials import queue, services
from center.trials.models import ReviewReminder, TrialApplication
from center.trials.services import reminders

from .factories import application_create

pytestmark = pytest.mark.usefixtures("code_in_force", "trial_page")

TASK = "trials.remind_overdue_reviewers"


@pytest.fixture(autouse=True)
def five_working_days(settings):
    settings.TRIALS_REVIEW_SLA_WORKING_DAYS = 5


def _application(days_ago: int, email="ada@example.org", **fields) -> TrialApplication:
    application = application_create(email=email, **fields)
    when = timezone.now() - timedelta(days=days_ago)
    TrialApplication.objects.filter(pk=application.pk).update(submitted_at=when)
    application.refresh_from_db()
    mail.outbox.clear()  # the confirmation and the staff notification
    return application


def _overdue_for(reviewer, **fields) -> TrialApplication:
    application = _application(14, **fields)
    services.application_start_review(application=application, reviewer=reviewer)
    mail.outbox.clear()
    return application


def _remind() -> list:
    before = len(mail.outbox)
    enqueue(TASK)
    return mail.outbox[before:]


def test_the_assigned_reviewer_gets_one_email_listing_their_overdue_application(reviewer,
                                                                                 second_reviewer):
    application = _overdue_for(reviewer, organisation="Analytical Hospital")
    sent = _remind()

    assert len(sent) == 1
    email = sent[0]
    assert email.to == ["rita@center.example"]
    assert email.subject == "1 trial application is overdue for review"
    late = queue.days_overdue(application.submitted_at)
    assert late >= 4
    assert application.reference in email.body
    assert "Analytical Hospital" in email.body
    assert f"Overdue: {late} working days" in email.body
    assert f"/en/admin/trials/trialapplication/{application.pk}/change/" in email.body
    assert "/en/admin/trials/trialapplication/queue/" in email.body


def test_an_unassigned_overdue_application_reminds_every_reviewer(reviewer, second_reviewer):
    application = _application(14)
    sent = _remind()
    assert sorted(address for email in sent for address in email.to) == [
        "rita@center.example", "sam@center.example"]
    assert all(application.reference in email.body for email in sent)


def test_a_second_run_the_same_day_sends_nothing_more(reviewer):
    _overdue_for(reviewer)
    assert len(_remind()) == 1
    assert _remind() == []
    assert ReviewReminder.objects.filter(reviewer=reviewer).count() == 1


def test_a_worker_racing_another_sends_nothing_once_the_day_is_recorded(reviewer):
    # Both read the queue before either recorded its reminder; the unique row stops the second.
    _overdue_for(reviewer)
    today = timezone.localdate()
    ([(recipient, rows)]) = queue.reviewers_to_remind(today).items()
    ReviewReminder.objects.create(reviewer=recipient, day=today)
    assert reminders._remind(recipient, rows, today) is False
    assert mail.outbox == []


def test_the_next_day_reminds_again_while_still_overdue(reviewer, monkeypatch):
    application = _overdue_for(reviewer)
    assert len(_remind()) == 1
    real_now = timezone.now
    monkeypatch.setattr(timezone, "now", lambda: real_now() + timedelta(days=1))
    sent = _remind()
    assert len(sent) == 1 and application.reference in sent[0].body
    assert ReviewReminder.objects.filter(reviewer=reviewer).count() == 2


def test_nothing_is_sent_for_an_application_within_its_service_level(reviewer):
    application = _application(1)
    services.application_start_review(application=application, reviewer=reviewer)
    mail.outbox.clear()
    assert _remind() == []
    assert not ReviewReminder.objects.exists()


def test_nothing_is_sent_for_a_decided_or_waiting_for_the_applicant(reviewer):
    declined = _overdue_for(reviewer)
    services.application_decline(application=declined, reviewer=reviewer, message="No.")
    asked = _overdue_for(reviewer, email="bo@example.org")
    services.application_request_info(application=asked, reviewer=reviewer,
                                      message="Which data?")
    mail.outbox.clear()
    assert _remind() == []


def test_the_reminder_is_written_in_the_sites_language(reviewer, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    application = _overdue_for(reviewer)
    [email] = _remind()
    assert email.subject == "1 份试用申请的审核已逾期"
    assert f"申请编号：{application.reference}" in email.body
    assert "个工作日" in email.body
    assert "/zh-hans/admin/trials/trialapplication/queue/" in email.body


def test_beat_runs_the_reminder_daily():
    entry = django_settings.CELERY_BEAT_SCHEDULE["trials-remind-overdue-reviewers"]
    assert entry["task"] == TASK
    assert entry["schedule"].hour == {8}
