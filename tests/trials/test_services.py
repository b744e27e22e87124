from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from center.trials import services
from center.trials.models import AuditEvent, EmailOutbox, TransitionError, TrialApplication
from center.trials.selectors import public_timeline
from tests.support.users import UserFactory

from .factories import ProductFactory, application_create

pytestmark = pytest.mark.usefixtures("trial_page")  # emails link to the apphooked page

State = TrialApplication.State
ALL_STATES = list(State.values)
ALLOWED = {(s, t) for s, targets in TrialApplication.NEXT_STATES.items() for t in targets}
SERVICE_FOR = {
    State.IN_REVIEW: lambda app, user: services.application_start_review(
        application=app, reviewer=user, internal_note="picked up"),
    State.MORE_INFO: lambda app, user: services.application_request_info(
        application=app, reviewer=user, message="Who is affected?"),
    State.APPROVED: lambda app, user: services.application_approve(
        application=app, reviewer=user, message="Approved."),
    State.DECLINED: lambda app, user: services.application_decline(
        application=app, reviewer=user, message="Declined."),
}


def _in_state(state: str) -> TrialApplication:
    application = application_create()
    TrialApplication.objects.filter(pk=application.pk).update(state=state)
    application.refresh_from_db()
    return application


def test_the_transition_map_is_the_documented_workflow():
    assert {
        ("submitted", "in_review"), ("in_review", "approved"), ("in_review", "declined"),
        ("in_review", "more_info"), ("more_info", "in_review"),
    } == ALLOWED


@pytest.mark.parametrize("from_state,to_state", sorted(ALLOWED))
def test_every_allowed_move_is_made_audited_and_told(db, reviewer, committed, from_state,
                                                     to_state):
    application = _in_state(from_state)

    with committed():
        event = SERVICE_FOR[to_state](application, reviewer)

    application.refresh_from_db()
    assert application.state == to_state
    assert (event.actor, event.from_state, event.to_state) == (reviewer, from_state, to_state)
    assert application.assigned_to == reviewer  # the first reviewer to act owns it
    assert (application.decided_at is not None) == (to_state in ("approved", "declined"))
    # Decisions and questions reach the applicant by email (eager Celery in unit tests).
    told = to_state in services.APPLICANT_EMAIL_STATES
    assert [m.to for m in mail.outbox] == ([["ada@example.org"]] if told else [])


@pytest.mark.parametrize("from_state,to_state", sorted(
    {(s, t) for s in ALL_STATES for t in SERVICE_FOR} - ALLOWED))
def test_every_other_move_is_refused_and_changes_nothing(db, reviewer, from_state, to_state):
    application = _in_state(from_state)
    events, emails = AuditEvent.objects.count(), EmailOutbox.objects.count()

    with pytest.raises(TransitionError):
        SERVICE_FOR[to_state](application, reviewer)

    application.refresh_from_db()
    assert application.state == from_state
    assert (AuditEvent.objects.count(), EmailOutbox.objects.count()) == (events, emails)


@pytest.mark.parametrize("from_state", [s for s in ALL_STATES if s != "more_info"])
def test_the_applicant_can_only_answer_when_asked(db, from_state):
    with pytest.raises(TransitionError):
        services.application_answer(application=_in_state(from_state), reply="Here you are.")


def test_the_applicants_answer_returns_it_to_review_and_tells_the_reviewer(
        db, reviewer, committed):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    services.application_request_info(application=application, reviewer=reviewer,
                                      message="Who is affected?", internal_note="vague")

    with committed():
        services.application_answer(application=application, reply="Patients of two wards.")

    application.refresh_from_db()
    assert application.state == State.IN_REVIEW
    assert [m.to for m in mail.outbox] == [["rita@center.example"]]
    assert "answered" in mail.outbox[0].subject


def test_a_stale_page_cannot_decide_twice(db, reviewer):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    stale = TrialApplication.objects.get(pk=application.pk)  # loaded before the decision
    services.application_approve(application=application, reviewer=reviewer, message="Yes")

    with pytest.raises(TransitionError):
        services.application_decline(application=stale, reviewer=reviewer, message="No")
    assert TrialApplication.objects.get(pk=application.pk).state == State.APPROVED


def test_only_reviewers_may_move_an_application(db, editor):
    application = application_create()
    with pytest.raises(PermissionDenied):
        services.application_start_review(application=application, reviewer=editor)
    assert TrialApplication.objects.get(pk=application.pk).state == State.SUBMITTED


def test_submitting_stores_the_application_its_event_and_two_emails_once(
        db, reviewer, committed):
    with committed():
        application = application_create(language="zh-hans")

    assert application.reference.startswith(f"TR-{timezone.now():%Y}-")
    assert application.privacy_notice.version == "2026-01"
    assert application.consent_ip == "203.0.113.5"
    (event,) = application.events.all()
    assert (event.to_state, event.by_applicant, event.is_public) == ("submitted", True, True)
    assert sorted(application.emails.values_list("kind", "status")) == [
        ("confirmation", "sent"), ("staff_notification", "sent")]
    confirmation, staff = mail.outbox
    assert confirmation.to == ["ada@example.org"] and "我们已收到" in confirmation.subject
    assert application.reference in confirmation.body and "/zh-hans/" in confirmation.body
    assert staff.to == ["rita@center.example"]
    assert f"/en/admin/trials/trialapplication/{application.pk}/change/" in staff.body


def test_a_repeat_within_a_day_joins_the_first_application(db, reviewer, committed):
    with committed():
        first = application_create(email="ada@example.org")
    mail.outbox.clear()

    with committed():
        again = application_create(email="ADA@example.org")

    assert again == first
    assert TrialApplication.objects.count() == 1 and mail.outbox == []
    assert first.emails.count() == 2
    assert first.events.filter(is_public=False).count() == 1  # noted for reviewers


def test_other_products_or_a_day_later_make_a_new_application(db):
    first = application_create()
    other = application_create(products=[ProductFactory(slug="ai-education")])
    TrialApplication.objects.filter(pk=first.pk).update(
        submitted_at=timezone.now() - timedelta(hours=25))
    later = application_create()
    assert len({first.pk, other.pk, later.pk}) == 3


def test_references_are_unique_and_easy_to_read(db):
    references = {application_create(email=f"a{i}@example.org").reference for i in range(30)}
    assert len(references) == 30
    assert not any(c in r[8:] for r in references for c in "01IO")


def test_assignment_is_recorded_for_staff_only(db, reviewer):
    application = application_create()
    other = UserFactory(username="sam", group="Reviewers")

    event = services.application_assign(application=application, reviewer=other, by=reviewer)

    assert application.assigned_to == other
    assert event.is_public is False and "sam" in event.internal_note
    assert services.application_assign(application=application, reviewer=other,
                                       by=reviewer) is None  # no change, no event
    assert event not in public_timeline(application)


def test_retention_blanks_personal_data_of_old_decisions_and_keeps_statistics(
        db, reviewer, settings):
    settings.TRIALS_RETENTION_DAYS = 365
    old = application_create(email="old@example.org")
    services.application_start_review(application=old, reviewer=reviewer)
    services.application_approve(application=old, reviewer=reviewer, message="Dear Ada, yes.")
    TrialApplication.objects.filter(pk=old.pk).update(
        decided_at=timezone.now() - timedelta(days=366))
    recent = application_create(email="new@example.org")
    services.application_start_review(application=recent, reviewer=reviewer)
    services.application_decline(application=recent, reviewer=reviewer, message="No")
    undecided = application_create(email="wait@example.org")
    TrialApplication.objects.filter(pk=undecided.pk).update(
        submitted_at=timezone.now() - timedelta(days=800))

    assert services.applications_anonymise() == 1
    assert services.applications_anonymise() == 0  # already done

    old.refresh_from_db()
    assert (old.name, old.email, old.organisation, old.intended_use, old.consent_ip) == (
        "", "", "", "", None)
    assert (old.state, old.sector, old.country) == ("approved", "healthcare", "United Kingdom")
    assert old.products.count() == 1 and old.anonymised_at is not None
    assert not old.events.exclude(message="").exists()
    assert TrialApplication.objects.get(pk=recent.pk).email == "new@example.org"
    assert TrialApplication.objects.get(pk=undecided.pk).email == "wait@example.org"
