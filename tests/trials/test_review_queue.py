"""The review queue: which applications wait for an assessment, for a second reviewer, or
are overdue; working days; the staff page, its filter, who may open it and its cost."""

from datetime import date, datetime, timedelta
from itertools import count

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from center.trials import queue, services
from center.trials.models import (
    Assessment,
    PrincipleRating,
    PrivacyNotice,
    Risk,
    TrialApplication,
)
from tests.support.users import UserFactory

from .factories import PrivacyNoticeFactory, application_create

pytestmark = pytest.mark.usefixtures("code_in_force")

QUEUE = "/en/admin/trials/trialapplication/queue/"
FRIDAY = date(2026, 12, 4)
emails = (f"applicant{n}@example.org" for n in count())


def _local(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()) + timedelta(hours=hour))


def _submitted(days_ago: int = 0, **fields) -> TrialApplication:
    application = application_create(email=next(emails), **fields)
    when = timezone.now() - timedelta(days=days_ago)
    TrialApplication.objects.filter(pk=application.pk).update(submitted_at=when)
    application.submitted_at = when
    return application


def _in_review(reviewer, days_ago=0, **risks_by_number):
    """Taken into review by `reviewer`; principles rated as given (p1="high", ...)."""
    application = _submitted(days_ago)
    services.application_start_review(application=application, reviewer=reviewer)
    assessment = Assessment.objects.get(application=application)
    ratings = {r.principle_id: (risks_by_number[f"p{r.principle.number}"], "Why.")
               for r in assessment.ratings.select_related("principle")
               if f"p{r.principle.number}" in risks_by_number}
    if ratings:
        services.assessment_rate(assessment=assessment, reviewer=reviewer, ratings=ratings)
    return application


def _references(section, **kwargs) -> set[str]:
    return {a.reference for a in queue.queue_section(section, **kwargs)}


ALL_LOW = {"p1": Risk.LOW, "p2": Risk.NONE, "p3": Risk.LOW}


# --- Working days ---------------------------------------------------------------------------

def test_a_friday_evening_application_is_due_the_next_friday(settings):
    settings.TRIALS_REVIEW_SLA_WORKING_DAYS = 5
    assert FRIDAY.weekday() == 4
    assert queue.due_date(_local(FRIDAY, 20)) == date(2026, 12, 11)
    # The weekend does not count: Saturday's and Sunday's are due the same Friday.
    assert queue.due_date(_local(FRIDAY + timedelta(days=1), 10)) == date(2026, 12, 11)
    assert queue.due_date(_local(FRIDAY + timedelta(days=2), 10)) == date(2026, 12, 11)
    # A Wednesday's is due the Wednesday after, over the weekend.
    assert queue.due_date(_local(date(2026, 12, 2), 9)) == date(2026, 12, 9)
    assert queue.days_overdue(_local(FRIDAY, 20), today=date(2026, 12, 11)) == 0
    assert queue.days_overdue(_local(FRIDAY, 20), today=date(2026, 12, 12)) == 0  # Saturday
    assert queue.days_overdue(_local(FRIDAY, 20), today=date(2026, 12, 14)) == 1  # Monday


def test_the_database_cutoff_agrees_with_the_due_date_on_every_day(settings):
    settings.TRIALS_REVIEW_SLA_WORKING_DAYS = 5
    for today in (FRIDAY + timedelta(days=n) for n in range(8)):
        cutoff = queue.overdue_cutoff(today)
        for back in range(0, 20):
            for hour in (0, 23):
                submitted = _local(today - timedelta(days=back), hour)
                assert (submitted < cutoff) == (queue.due_date(submitted) < today), (
                    today, submitted)


# --- Classification -------------------------------------------------------------------------

def test_each_case_lands_in_its_section(reviewer, second_reviewer):
    new = _submitted()
    unrated = _in_review(reviewer)
    partly = _in_review(reviewer, p1=Risk.LOW)
    low = _in_review(reviewer, **ALL_LOW)
    high = _in_review(reviewer, **{**ALL_LOW, "p2": Risk.HIGH})
    conditioned = _in_review(reviewer, **ALL_LOW)
    assessment = conditioned.assessment
    services.condition_add(assessment=assessment, reviewer=reviewer,
                           principle=assessment.ratings.first().principle,
                           text="No use on minors' data.")
    concurred = _in_review(reviewer, **{**ALL_LOW, "p1": Risk.HIGH})
    services.assessment_concur(assessment=concurred.assessment, reviewer=second_reviewer)
    blocked = _in_review(reviewer, **{**ALL_LOW, "p1": Risk.HIGH, "p3": Risk.UNACCEPTABLE})
    declined = _in_review(reviewer, days_ago=30, **{**ALL_LOW, "p3": Risk.UNACCEPTABLE})
    services.application_decline(application=declined, reviewer=reviewer, message="No.")

    assert _references(queue.WAITING_FOR_ASSESSMENT) == {new.reference, unrated.reference,
                                                         partly.reference}
    assert _references(queue.WAITING_FOR_SECOND_REVIEWER) == {high.reference,
                                                              conditioned.reference}
    # Complete and low, concurred, or blocked by "unacceptable": nobody's turn in the queue.
    waiting = (_references(queue.WAITING_FOR_ASSESSMENT)
               | _references(queue.WAITING_FOR_SECOND_REVIEWER))
    assert not waiting & {low.reference, concurred.reference, blocked.reference,
                          declined.reference}
    assert queue.queue_counts() == {queue.WAITING_FOR_ASSESSMENT: 3,
                                    queue.WAITING_FOR_SECOND_REVIEWER: 2, queue.OVERDUE: 0}


def test_overdue_counts_working_days_and_not_the_wait_for_the_applicant(reviewer, settings):
    settings.TRIALS_REVIEW_SLA_WORKING_DAYS = 5
    old = _submitted(days_ago=10)
    old_in_review = _in_review(reviewer, days_ago=10, **ALL_LOW)
    asked = _in_review(reviewer, days_ago=10)
    services.application_request_info(application=asked, reviewer=reviewer,
                                      message="Which data?")
    decided = _in_review(reviewer, days_ago=10, **ALL_LOW)
    services.application_approve(application=decided, reviewer=reviewer, message="Yes.")
    _submitted(days_ago=2)  # within 5 working days, whatever today is

    assert _references(queue.OVERDUE) == {old.reference, old_in_review.reference}
    assert queue.queue_counts()[queue.OVERDUE] == 2


def test_the_counts_and_sections_of_one_reviewer(reviewer, second_reviewer):
    mine = _in_review(reviewer)
    _in_review(second_reviewer)
    _submitted()  # nobody's yet

    assert _references(queue.WAITING_FOR_ASSESSMENT, reviewer=reviewer) == {mine.reference}
    assert queue.queue_counts(reviewer=reviewer)[queue.WAITING_FOR_ASSESSMENT] == 1
    assert queue.queue_counts()[queue.WAITING_FOR_ASSESSMENT] == 3


# --- The page -------------------------------------------------------------------------------

def test_the_page_shows_each_section_with_its_count_and_the_mine_filter(client, reviewer,
                                                                          second_reviewer,
                                                                          settings):
    settings.TRIALS_REVIEW_SLA_WORKING_DAYS = 5
    late = _submitted(days_ago=14, organisation="Late Lab")
    services.application_assign(application=late, reviewer=second_reviewer,
                                by=second_reviewer)
    mine = _in_review(reviewer, **{**ALL_LOW, "p1": Risk.HIGH})
    TrialApplication.objects.filter(pk=mine.pk).update(organisation="Risky Robotics")
    client.force_login(reviewer)

    page = client.get(QUEUE).content.decode()
    assert "Waiting for an assessment (1)" in page
    assert "Waiting for a second reviewer (1)" in page
    assert "Overdue (1)" in page
    assert "Late Lab" in page and "Risky Robotics" in page
    assert f'href="/en/admin/trials/trialapplication/{late.pk}/change/"' in page
    assert "<td>sam</td>" in page  # the overdue one's reviewer

    only_mine = client.get(QUEUE, {"mine": "1"}).content.decode()
    assert "Risky Robotics" in only_mine and "Late Lab" not in only_mine
    assert "Overdue (0)" in only_mine and "No application is overdue." in only_mine
    assert "No application is waiting for an assessment." in only_mine


def test_the_list_and_the_admin_index_link_to_the_queue(client, reviewer):
    client.force_login(reviewer)
    for address in ("/en/admin/trials/trialapplication/", "/en/admin/"):
        assert f'href="{QUEUE}"' in client.get(address).content.decode(), address


@pytest.mark.parametrize(("group", "superuser", "status"), [
    ("Reviewers", False, 200), (None, True, 200),
    ("Editors", False, 403), ("Newsletter managers", False, 403)])
def test_only_reviewers_and_superusers_open_the_queue(client, group, superuser, status):
    _submitted(organisation="Secret Clinic")
    user = UserFactory(username=f"user-{group or 'root'}", group=group, is_superuser=superuser)
    client.force_login(user)
    response = client.get(QUEUE)
    assert response.status_code == status
    assert ("Secret Clinic" in response.content.decode()) == (status == 200)
    if status == 403:
        assert f'href="{QUEUE}"' not in client.get("/en/admin/").content.decode()


def test_the_page_speaks_chinese(client, reviewer):
    _submitted(organisation="上海交通大学")
    client.force_login(reviewer)
    page = client.get("/zh-hans/admin/trials/trialapplication/queue/").content.decode()
    assert "审核队列" in page
    assert "等待评估（1）" in page
    assert "上海交通大学" in page
    assert "已提交" in page


# --- Cost -----------------------------------------------------------------------------------

def _bulk_applications(number: int, reviewer, code) -> None:
    """`number` applications in every situation, written straight to the tables (fast)."""
    notice = PrivacyNotice.objects.first() or PrivacyNoticeFactory()
    start = TrialApplication.objects.count()
    states = [TrialApplication.State.SUBMITTED, TrialApplication.State.IN_REVIEW,
              TrialApplication.State.MORE_INFO]
    applications = TrialApplication.objects.bulk_create(
        TrialApplication(reference=f"BULK-{start + n}", state=states[n % 3], name="N",
                         email=f"bulk{start + n}@example.org", organisation=f"Org {n}",
                         job_title="J", intended_use="U", country="C", sector="other",
                         expected_scale="pilot", privacy_notice=notice,
                         consented_at=timezone.now(), assigned_to=reviewer,
                         submitted_at=timezone.now() - timedelta(days=n % 20))
        for n in range(number))
    assessments = Assessment.objects.bulk_create(
        Assessment(application=a, code_version=code, opened_by=reviewer)
        for a in applications if a.state != TrialApplication.State.SUBMITTED)
    principles = list(code.principles.all())
    risks = ["", Risk.LOW, Risk.HIGH, Risk.UNACCEPTABLE]
    PrincipleRating.objects.bulk_create(
        PrincipleRating(assessment=assessment, principle=principle,
                        risk=risks[(n + position) % 4] if n % 2 else Risk.HIGH)
        for n, assessment in enumerate(assessments)
        for position, principle in enumerate(principles))


def _queries(client, address) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured)


def test_the_page_costs_the_same_queries_for_5_and_500_applications(client, reviewer,
                                                                      code_in_force):
    client.force_login(reviewer)
    _bulk_applications(5, reviewer, code_in_force)
    client.get(QUEUE)  # warm the per-process caches (site, content types)
    at_5 = _queries(client, QUEUE), _queries(client, QUEUE + "?mine=1")
    _bulk_applications(495, reviewer, code_in_force)
    at_500 = _queries(client, QUEUE), _queries(client, QUEUE + "?mine=1")
    assert at_500 == at_5
    counts = queue.queue_counts()
    assert sum(counts.values()) > 300  # the 500 are really in the queue

