"""The ethics review's rules, enforced by the model's state machine and the services
(not only by what the admin shows): version binding, four eyes, unacceptable blocks,
audit, anonymisation."""

from datetime import timedelta

import pytest
from django.utils import timezone

from center.ethics.services import version_publish
from center.trials import services
from center.trials.models import AssessmentError, AuditEvent, Risk, TransitionError
from tests.ethics.factories import code_version

from .factories import application_create

pytestmark = pytest.mark.usefixtures("code_in_force")


@pytest.fixture
def in_review(reviewer):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    return application


def _rate_all(application, reviewer, risk=Risk.LOW, **special):
    """Rates every principle `risk`, or special[number] for the principle of that number."""
    assessment = application.assessment
    services.assessment_rate(assessment=assessment, reviewer=reviewer, ratings={
        rating.principle_id: (special.get(f"p{rating.principle.number}", risk), "Reasoning.")
        for rating in assessment.ratings.select_related("principle")})
    return assessment


def _approve(application, reviewer):
    return services.application_approve(application=application, reviewer=reviewer,
                                        message="Approved under the conditions below.")


def test_review_opens_an_assessment_bound_to_the_code_in_force(in_review, code_in_force):
    assessment = in_review.assessment
    assert assessment.code_version == code_in_force
    assert sorted(r.principle.number for r in assessment.ratings.all()) == [1, 2, 3]
    assert not assessment.is_complete


def test_a_later_code_version_never_rewrites_an_old_judgement(in_review, code_in_force,
                                                               reviewer):
    _rate_all(in_review, reviewer, p2=Risk.MEDIUM)
    newer = code_version("2.0", {1: "People first.", 2: "Share.", 4: "Oversight."},
                         publish=False)
    version_publish(version=newer, user=None)  # 2.0 in force, 1.0 superseded

    assessment = in_review.assessment
    assessment.refresh_from_db()
    assert assessment.code_version == code_in_force
    assert {r.principle.version_id for r in assessment.ratings.all()} == {code_in_force.pk}
    # Applications taken into review from now on are judged against 2.0.
    later = application_create(email="bo@example.org")
    services.application_start_review(application=later, reviewer=reviewer)
    assert later.assessment.code_version == newer


def test_approval_waits_for_every_principle_to_be_rated(in_review, reviewer):
    assessment = in_review.assessment
    first = assessment.ratings.first()
    services.assessment_rate(assessment=assessment, reviewer=reviewer,
                             ratings={first.principle_id: (Risk.LOW, "")})
    with pytest.raises(TransitionError, match="Rate every principle"):
        _approve(in_review, reviewer)
    _rate_all(in_review, reviewer)
    _approve(in_review, reviewer)
    in_review.refresh_from_db()
    assert in_review.state == "approved"


def test_an_unacceptable_rating_blocks_approval_but_not_declining(in_review, reviewer,
                                                                   second_reviewer):
    assessment = _rate_all(in_review, reviewer, p3=Risk.UNACCEPTABLE)
    with pytest.raises(TransitionError, match="unacceptable"):
        _approve(in_review, reviewer)
    with pytest.raises(AssessmentError):  # nobody can concur it into an approval
        services.assessment_concur(assessment=assessment, reviewer=second_reviewer)
    services.application_request_info(application=in_review, reviewer=reviewer,
                                      message="How will people affected be protected?")
    services.application_answer(application=in_review, reply="A human checks each case.")
    services.application_decline(application=in_review, reviewer=reviewer,
                                 message="We cannot support this use.")
    in_review.refresh_from_db()
    assert in_review.state == "declined"


def test_a_high_rating_needs_a_second_reviewer_who_is_someone_else(in_review, reviewer,
                                                                   second_reviewer):
    assessment = _rate_all(in_review, reviewer, p2=Risk.HIGH)
    with pytest.raises(TransitionError, match="second reviewer"):
        _approve(in_review, reviewer)
    with pytest.raises(AssessmentError, match="did not rate"):
        services.assessment_concur(assessment=assessment, reviewer=reviewer)

    services.assessment_concur(assessment=assessment, reviewer=second_reviewer)
    _approve(in_review, reviewer)
    in_review.refresh_from_db()
    assert in_review.state == "approved"


def test_a_condition_needs_a_second_reviewer_and_a_change_withdraws_the_concurrence(
        in_review, reviewer, second_reviewer):
    assessment = _rate_all(in_review, reviewer)
    principle = assessment.ratings.first().principle
    services.condition_add(assessment=assessment, reviewer=reviewer, principle=principle,
                           text="Human review of every decision")
    with pytest.raises(TransitionError, match="second reviewer"):
        _approve(in_review, reviewer)
    services.assessment_concur(assessment=assessment, reviewer=second_reviewer)
    # The first reviewer changes a rating afterwards: the concurrence no longer covers it.
    _rate_all(in_review, reviewer, p1=Risk.MEDIUM)
    assessment.refresh_from_db()
    assert assessment.concurred_by is None
    with pytest.raises(TransitionError, match="second reviewer"):
        _approve(in_review, reviewer)


def test_a_second_reviewer_who_rated_cannot_concur(in_review, reviewer, second_reviewer):
    assessment = _rate_all(in_review, reviewer, p1=Risk.HIGH)
    _rate_all(in_review, second_reviewer, p1=Risk.HIGH, p2=Risk.MEDIUM)
    with pytest.raises(AssessmentError, match="did not rate"):
        services.assessment_concur(assessment=assessment, reviewer=second_reviewer)


def test_a_condition_must_serve_a_principle_of_the_assessments_version(in_review, reviewer):
    other = code_version("9.9", {1: "Elsewhere."}, publish=False)
    with pytest.raises(AssessmentError, match="version"):
        services.condition_add(assessment=in_review.assessment, reviewer=reviewer,
                               principle=other.principles.get(), text="No use on minors' data")


def test_a_decided_applications_assessment_no_longer_changes(in_review, reviewer):
    _rate_all(in_review, reviewer)
    _approve(in_review, reviewer)
    with pytest.raises(AssessmentError, match="decided"):
        _rate_all(in_review, reviewer, p1=Risk.HIGH)


def test_editors_cannot_assess(in_review, editor):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        _rate_all(in_review, editor)


def test_every_assessment_change_is_on_the_timeline_with_who_and_when(in_review, reviewer,
                                                                      second_reviewer):
    assessment = _rate_all(in_review, reviewer, p2=Risk.HIGH)
    services.condition_add(assessment=assessment, reviewer=reviewer,
                           principle=assessment.ratings.first().principle,
                           text="No use on minors' data")
    services.assessment_concur(assessment=assessment, reviewer=second_reviewer)

    notes = list(AuditEvent.objects.filter(application=in_review, is_public=False)
                 .order_by("created_at", "pk").values_list("actor__username", "internal_note"))
    assert notes[0] == ("rita", "Ethics assessment opened against the Code of Ethics version 1.0.")
    assert notes[1][0] == "rita" and "2. Title 2 — High" in notes[1][1]
    assert notes[2] == ("rita", "Condition of use added under 1. Title 1: No use on minors' data")
    assert notes[3] == ("sam", "Second reviewer concurred with the assessment.")


def test_anonymisation_keeps_ratings_and_conditions_but_drops_rationales(
        in_review, reviewer, second_reviewer, settings):
    assessment = _rate_all(in_review, reviewer, p2=Risk.HIGH)
    services.condition_add(assessment=assessment, reviewer=reviewer,
                           principle=assessment.ratings.first().principle,
                           text="Human review of every decision")
    services.assessment_concur(assessment=assessment, reviewer=second_reviewer)
    _approve(in_review, reviewer)

    later = timezone.now() + timedelta(days=settings.TRIALS_RETENTION_DAYS + 1)
    assert services.applications_anonymise(now=later) == 1

    ratings = list(assessment.ratings.order_by("principle__number"))
    assert [r.risk for r in ratings] == [Risk.LOW, Risk.HIGH, Risk.LOW]
    assert {r.rationale for r in ratings} == {""}
    assert list(assessment.conditions.values_list("text", flat=True)) == [
        "Human review of every decision"]


def test_an_application_in_review_from_before_the_ethics_review_waits_for_an_assessment(
        reviewer):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    application.assessment.delete()  # as if taken into review before assessments existed
    application.refresh_from_db()
    with pytest.raises(TransitionError, match="Assess the application"):
        _approve(application, reviewer)
    services.assessment_open(application=application, reviewer=reviewer)
    _rate_all(application, reviewer)
    _approve(application, reviewer)


def test_ratings_follow_the_codes_order_section_by_section(in_review):
    # The fixture's Code: principles 1 and 3 in its first part, 2 in the second.
    assert [r.principle.number for r in in_review.assessment.ratings.all()] == [1, 3, 2]
