"""The ethics review's writes: opening an assessment against the Code version in force,
rating principles, conditions of use and a second reviewer's concurrence. Each change is
recorded on the application's timeline (internal: who, when, what), and any change after a
concurrence withdraws it, so a second reviewer always agreed to what is decided."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from center.ethics.models import CodeVersion, Principle

from ..models import (
    Assessment,
    AssessmentError,
    AuditEvent,
    Condition,
    PrincipleRating,
    Risk,
    TrialApplication,
)
from ..selectors import can_review


def _check_reviewer(reviewer) -> None:
    if not can_review(reviewer):
        raise PermissionDenied("Only reviewers assess trial applications.")


def _note(assessment: Assessment, reviewer, text: str) -> AuditEvent:
    return AuditEvent.objects.create(application_id=assessment.application_id, actor=reviewer,
                                     is_public=False, internal_note=text)


def _locked(assessment: Assessment) -> Assessment:
    """The assessment locked for this transaction, refusing changes once decided."""
    locked = (Assessment.objects.select_for_update().select_related("application")
              .get(pk=assessment.pk))
    if locked.application.is_decided:
        raise AssessmentError("The application is decided: its assessment no longer changes.")
    return locked


def _withdraw_concurrence(assessment: Assessment, reviewer) -> None:
    if assessment.concurred_by_id is None:
        return
    assessment.concurred_by, assessment.concurred_at = None, None
    assessment.save(update_fields=["concurred_by", "concurred_at"])
    _note(assessment, reviewer, "Concurrence withdrawn: the assessment changed after it.")


def assessment_open(*, application: TrialApplication, reviewer=None) -> Assessment | None:
    """The application's assessment, opened now against the Code version in force (one
    rating to fill in per principle) if it has none; None while no Code is in force."""
    existing = Assessment.objects.filter(application=application).first()
    if existing is not None:
        return existing
    version = CodeVersion.objects.in_force().first()
    if version is None:
        return None
    with transaction.atomic():
        assessment = Assessment.objects.create(application=application, code_version=version,
                                               opened_by=reviewer)
        PrincipleRating.objects.bulk_create(
            PrincipleRating(assessment=assessment, principle=principle)
            for principle in version.principles.order_by("order", "number"))
        _note(assessment, reviewer,
              f"Ethics assessment opened against the Code of Ethics version {version.label}.")
    return assessment


def assessment_rate(*, assessment: Assessment, reviewer,
                    ratings: dict[int, tuple[str, str]]) -> list[PrincipleRating]:
    """Saves {principle id: (risk, rationale)}; returns the ratings that changed. A blank
    risk leaves a principle unrated."""
    _check_reviewer(reviewer)
    unknown = {risk for risk, _rationale in ratings.values()} - set(Risk.values) - {""}
    if unknown:
        raise AssessmentError(f"Unknown risk level: {', '.join(sorted(unknown))}.")
    now = timezone.now()
    with transaction.atomic():
        assessment = _locked(assessment)
        changed = []
        for rating in assessment.ratings.select_related("principle").filter(
                principle_id__in=ratings):
            risk, rationale = ratings[rating.principle_id]
            if (risk, rationale.strip()) == (rating.risk, rating.rationale):
                continue
            rating.risk, rating.rationale = risk, rationale.strip()
            rating.rated_by, rating.rated_at = reviewer, now
            changed.append(rating)
        if not changed:
            return []
        PrincipleRating.objects.bulk_update(changed, ["risk", "rationale", "rated_by",
                                                      "rated_at"])
        _note(assessment, reviewer, "Rated: " + "; ".join(
            f"{rating.principle} — {rating.get_risk_display() or 'not rated'}"
            for rating in changed) + ".")
        _withdraw_concurrence(assessment, reviewer)
    return changed


def condition_add(*, assessment: Assessment, reviewer, principle: Principle,
                  text: str) -> Condition:
    _check_reviewer(reviewer)
    text = " ".join(text.split())
    if not text:
        raise AssessmentError("A condition needs its wording.")
    if principle.version_id != assessment.code_version_id:
        raise AssessmentError("Choose a principle of the Code version this assessment uses.")
    with transaction.atomic():
        assessment = _locked(assessment)
        condition = Condition.objects.create(assessment=assessment, principle=principle,
                                             text=text, created_by=reviewer)
        _note(assessment, reviewer, f"Condition of use added under {principle}: {text}")
        _withdraw_concurrence(assessment, reviewer)
    return condition


def condition_remove(*, condition: Condition, reviewer) -> None:
    _check_reviewer(reviewer)
    with transaction.atomic():
        assessment = _locked(condition.assessment)
        condition.delete()
        _note(assessment, reviewer, f"Condition of use removed: {condition.text}")
        _withdraw_concurrence(assessment, reviewer)


def assessment_concur(*, assessment: Assessment, reviewer) -> Assessment:
    """A second reviewer agrees with the assessment as it stands (four eyes)."""
    _check_reviewer(reviewer)
    with transaction.atomic():
        assessment = _locked(assessment)
        refusal = assessment.concurrence_refusal(reviewer)
        if refusal:
            raise AssessmentError(refusal)
        assessment.concurred_by, assessment.concurred_at = reviewer, timezone.now()
        assessment.save(update_fields=["concurred_by", "concurred_at"])
        _note(assessment, reviewer, "Second reviewer concurred with the assessment.")
    return assessment
