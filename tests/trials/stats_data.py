"""Many decided applications at once, written straight to the tables (bulk_create), for the
statistics and the transparency report: the form and the services are tested elsewhere."""

from datetime import UTC, datetime, timedelta

from center.trials.models import (
    Assessment,
    Condition,
    PrincipleRating,
    PrivacyNotice,
    TrialApplication,
)

from .factories import PrivacyNoticeFactory

State = TrialApplication.State


def bulk_decided(specs: list[dict], *, code, prefix: str = "B") -> list[TrialApplication]:
    """One decided application per spec: {"risks": {number: risk}, "state", "sector",
    "products": [Product], "submitted": datetime, "days": float, "conditions": [number]}."""
    notice = PrivacyNotice.objects.first() or PrivacyNoticeFactory()
    principles = {p.number: p for p in code.principles.all()}
    applications = TrialApplication.objects.bulk_create([TrialApplication(
        reference=f"{prefix}{index:06d}", state=spec.get("state", State.APPROVED),
        name="Applicant", email=f"a{index}@example.org", organisation="Org", job_title="CTO",
        intended_use="Trial.", country="China", sector=spec.get("sector", "healthcare"),
        expected_scale="pilot", privacy_notice=notice, consented_at=spec["submitted"],
        submitted_at=spec["submitted"],
        decided_at=(spec["submitted"] + timedelta(days=spec.get("days", 10))
                    if spec.get("state", State.APPROVED) in (State.APPROVED, State.DECLINED)
                    else None),
    ) for index, spec in enumerate(specs)])
    through = TrialApplication.products.through
    through.objects.bulk_create([through(trialapplication_id=app.pk, product_id=product.pk)
                                 for app, spec in zip(applications, specs, strict=True)
                                 for product in spec.get("products", [])])
    assessments = Assessment.objects.bulk_create([
        Assessment(application=app, code_version=code) for app in applications])
    PrincipleRating.objects.bulk_create([
        PrincipleRating(assessment=assessment, principle=principles[number], risk=risk)
        for assessment, spec in zip(assessments, specs, strict=True)
        for number, risk in spec["risks"].items()])
    Condition.objects.bulk_create([
        Condition(assessment=assessment, principle=principles[number], text="Human review.")
        for assessment, spec in zip(assessments, specs, strict=True)
        for number in spec.get("conditions", [])])
    return applications


def day(year: int, month: int, date: int) -> datetime:
    return datetime(year, month, date, 4, 0, tzinfo=UTC)  # noon in Shanghai
