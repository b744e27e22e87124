"""The review queue: which undecided applications wait for whom, and which are overdue.

Working days are Monday to Friday; public holidays are not known here, so they count as
working days. The service level (settings.TRIALS_REVIEW_SLA_WORKING_DAYS, N) counts whole
working days after the day of submission (in the site's time zone): an application
submitted on Friday evening (or on Saturday) with N = 5 is due by the end of the next
Friday, and overdue from the Saturday after that. The clock runs from submission and does
not restart when the applicant answers a question.

Sections (an application may be in "waiting" sections and "overdue" at once):
- waiting for an assessment: submitted (not taken into review yet), or in review with no
  assessment or a principle not rated yet;
- waiting for a second reviewer: in review, every principle rated, a high rating or a
  condition of use, no concurrence yet and nothing unacceptable (which blocks approval);
- overdue: undecided and past its due date, except while "more information needed": that
  waits on the applicant, not on a reviewer.

Each section and the counts are computed by the database (Exists, Count with filter), so
the number of queries does not grow with the number of applications.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from .models import Assessment, Condition, PrincipleRating, Risk, TrialApplication
from .selectors import REVIEWERS_GROUP

State = TrialApplication.State
WAITING_FOR_ASSESSMENT = "assessment"
WAITING_FOR_SECOND_REVIEWER = "second_reviewer"
OVERDUE = "overdue"
SECTIONS = (WAITING_FOR_ASSESSMENT, WAITING_FOR_SECOND_REVIEWER, OVERDUE)


# --- Working days ---------------------------------------------------------------------------

def is_working_day(day: date) -> bool:
    return day.weekday() < 5


def add_working_days(day: date, count: int) -> date:
    """The day `count` working days after `day` (`day` itself is not counted)."""
    while count > 0:
        day += timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end` (0 when end <= start)."""
    days, day = 0, start
    while day < end:
        day += timedelta(days=1)
        days += is_working_day(day)
    return days


def sla_days() -> int:
    return settings.TRIALS_REVIEW_SLA_WORKING_DAYS


def local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def due_date(submitted_at: datetime) -> date:
    return add_working_days(local_day(submitted_at), sla_days())


def days_overdue(submitted_at: datetime, today: date | None = None) -> int:
    """Working days past the due date (0: not overdue)."""
    return working_days_between(due_date(submitted_at), today or timezone.localdate())


def overdue_cutoff(today: date) -> datetime:
    """Applications submitted before this moment are overdue on `today`. The due date grows
    with the submission day, so the latest overdue submission day is found by stepping
    back from today (a few steps, never a query)."""
    day = today - timedelta(days=1)
    while add_working_days(day, sla_days()) >= today:
        day -= timedelta(days=1)
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


# --- The queue ------------------------------------------------------------------------------

def _with_review_facts(queryset: QuerySet) -> QuerySet:
    """Alias each application's review facts: subqueries, never a row per rating."""
    ratings = PrincipleRating.objects.filter(assessment__application=OuterRef("pk"))
    return queryset.alias(
        has_assessment=Exists(Assessment.objects.filter(application=OuterRef("pk"))),
        has_unrated=Exists(ratings.filter(risk="")),
        has_rating=Exists(ratings),
        has_high=Exists(ratings.filter(risk=Risk.HIGH)),
        has_unacceptable=Exists(ratings.filter(risk=Risk.UNACCEPTABLE)),
        has_condition=Exists(Condition.objects.filter(assessment__application=OuterRef("pk"))),
        is_concurred=Exists(Assessment.objects.filter(application=OuterRef("pk"),
                                                      concurred_by__isnull=False)),
    )


def _conditions(today: date) -> dict[str, Q]:
    in_review = Q(state=State.IN_REVIEW)
    return {
        WAITING_FOR_ASSESSMENT: Q(state=State.SUBMITTED) | (in_review & (
            Q(has_assessment=False) | Q(has_rating=False) | Q(has_unrated=True))),
        WAITING_FOR_SECOND_REVIEWER: in_review & Q(
            has_assessment=True, has_rating=True, has_unrated=False, has_unacceptable=False,
            is_concurred=False) & (Q(has_high=True) | Q(has_condition=True)),
        OVERDUE: Q(state__in=[State.SUBMITTED, State.IN_REVIEW],
                   submitted_at__lt=overdue_cutoff(today)),
    }


def _undecided(reviewer=None) -> QuerySet:
    queryset = TrialApplication.objects.filter(
        state__in=[State.SUBMITTED, State.IN_REVIEW, State.MORE_INFO])
    if reviewer is not None:
        queryset = queryset.filter(assigned_to=reviewer)
    return _with_review_facts(queryset)


def queue_counts(*, reviewer=None, today: date | None = None) -> dict[str, int]:
    """How many applications each section holds: one query."""
    conditions = _conditions(today or timezone.localdate())
    return _undecided(reviewer).aggregate(**{
        section: Count("pk", filter=condition) for section, condition in conditions.items()})


def queue_section(section: str, *, reviewer=None, today: date | None = None) -> QuerySet:
    """One section's applications, oldest first (the most urgent on top): one query."""
    condition = _conditions(today or timezone.localdate())[section]
    return (_undecided(reviewer).filter(condition).select_related("assigned_to")
            .order_by("submitted_at", "pk"))


@dataclass(frozen=True)
class QueueRow:
    application: TrialApplication
    due: date
    days_overdue: int


def queue_rows(section: str, *, reviewer=None, today: date | None = None) -> list[QueueRow]:
    today = today or timezone.localdate()
    return [QueueRow(application, due_date(application.submitted_at),
                     days_overdue(application.submitted_at, today))
            for application in queue_section(section, reviewer=reviewer, today=today)]


# --- Who is reminded ------------------------------------------------------------------------

def reviewers_to_remind(today: date | None = None) -> dict:
    """{reviewer: [QueueRow, ...]} for the overdue applications: the assigned reviewer's, and
    the unassigned ones to every reviewer (as selectors.reviewer_emails chooses them: the
    Reviewers group, or superusers while the group is empty). Two queries."""
    rows = queue_rows(OVERDUE, today=today)
    if not rows:
        return {}
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    everyone = list(users.filter(groups__name=REVIEWERS_GROUP).distinct().order_by("pk")) or \
        list(users.filter(is_superuser=True).order_by("pk"))
    reminders: dict = {}
    for row in rows:
        reviewer = row.application.assigned_to
        if reviewer is not None and reviewer.is_active and reviewer.email:
            recipients = [reviewer]
        else:
            recipients = everyone
        for user in recipients:
            reminders.setdefault(user, []).append(row)
    return reminders
