"""The trial application workflow: submitting, the review's moves (which moves are allowed
is the model's: TrialApplication.move_to), assignment and retention. Every write that
causes an email adds its outbox row in the same transaction."""

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from ..models import (
    DECIDED_STATES,
    AuditEvent,
    EmailOutbox,
    PrincipleRating,
    PrivacyNotice,
    Product,
    TransitionError,
    TrialApplication,
)
from ..outbox import outbox_add
from ..selectors import can_review
from .assessments import assessment_open

State = TrialApplication.State

# Moves the applicant is told about by email (a decision, or a question for them).
APPLICANT_EMAIL_STATES = {State.APPROVED, State.DECLINED, State.MORE_INFO}
REPEAT_WINDOW = timedelta(hours=24)
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read aloud safely


def _new_reference() -> str:
    code = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
    return f"TR-{timezone.now():%Y}-{code}"


def _lock_applicant(email: str) -> None:
    # Two identical submissions at once must not both create an application: serialise
    # per email for the rest of the transaction (SQLite serialises all writes anyway).
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.sha256(email.encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _recent_duplicate(*, email: str, product_ids: list[int]) -> TrialApplication | None:
    since = timezone.now() - REPEAT_WINDOW
    candidates = (TrialApplication.objects.filter(email__iexact=email, submitted_at__gte=since)
                  .prefetch_related("products"))
    for candidate in candidates:
        if sorted(p.pk for p in candidate.products.all()) == product_ids:
            return candidate
    return None


def _create_with_reference(**fields) -> TrialApplication:
    for _attempt in range(5):
        try:
            with transaction.atomic():  # a savepoint: a clash leaves the outer one usable
                return TrialApplication.objects.create(reference=_new_reference(), **fields)
        except IntegrityError:
            continue
    raise IntegrityError("Could not find a free reference number")


@transaction.atomic
def application_submit(*, name: str, email: str, organisation: str, job_title: str,
                       country: str, sector: str, products: Iterable[Product],
                       intended_use: str, expected_scale: str, privacy_notice: PrivacyNotice,
                       language: str, phone: str = "", ip: str | None = None,
                       user_agent: str = "") -> tuple[TrialApplication, bool]:
    """Stores an application with its first audit event and two outbox rows (confirmation,
    reviewers' notification). A repeat (same email and products within 24 hours) returns the
    existing application instead, with created=False and no new email."""
    email = email.strip()
    products = list(products)
    product_ids = sorted(p.pk for p in products)
    _lock_applicant(email.lower())
    existing = _recent_duplicate(email=email, product_ids=product_ids)
    if existing is not None:
        AuditEvent.objects.create(application=existing, by_applicant=True, is_public=False,
                                  internal_note="The applicant submitted the form again.")
        return existing, False
    now = timezone.now()
    application = _create_with_reference(
        name=name, email=email, organisation=organisation, job_title=job_title,
        country=country, sector=sector, intended_use=intended_use,
        expected_scale=expected_scale, phone=phone, privacy_notice=privacy_notice,
        consented_at=now, consent_ip=ip, consent_user_agent=user_agent[:300],
        language=language, submitted_at=now,
    )
    # A new row: no links to compare with, so one INSERT (set() reads the links first).
    TrialApplication.products.through.objects.bulk_create(
        TrialApplication.products.through(trialapplication=application, product=product)
        for product in products)
    event = AuditEvent.objects.create(application=application, by_applicant=True,
                                      to_state=State.SUBMITTED, created_at=now)
    outbox_add(application=application, event=event, kinds=[
        EmailOutbox.Kind.CONFIRMATION, EmailOutbox.Kind.STAFF_NOTIFICATION])
    return application, True


def _transition(*, application: TrialApplication, to_state: str, reviewer=None,
                message: str = "", internal_note: str = "",
                only_from: str | None = None) -> AuditEvent:
    """Moves the application if its state allows (TrialApplication.move_to); raises
    TransitionError otherwise. The row is locked first, so a double-clicked button cannot
    decide twice."""
    by_applicant = reviewer is None
    if not by_applicant and not can_review(reviewer):
        raise PermissionDenied("Only reviewers may change a trial application.")
    with transaction.atomic():
        locked = TrialApplication.objects.select_for_update().get(pk=application.pk)
        if only_from not in (None, locked.state):
            raise TransitionError(
                f"{locked.reference} cannot go from {locked.state!r} to {to_state!r}.")
        from_state = locked.state
        locked.move_to(to_state)
        update = ["state", "updated_at"]
        if locked.is_decided:
            update.append("decided_at")
        if reviewer is not None and locked.assigned_to_id is None:
            locked.assigned_to = reviewer  # whoever picks it up first owns it
            update.append("assigned_to")
        locked.save(update_fields=update)
        event = AuditEvent.objects.create(
            application=locked, actor=reviewer, by_applicant=by_applicant,
            from_state=from_state, to_state=to_state, message=message.strip(),
            internal_note=internal_note.strip())
        kinds = [EmailOutbox.Kind.DECISION] if to_state in APPLICANT_EMAIL_STATES else []
        if by_applicant:
            kinds.append(EmailOutbox.Kind.APPLICANT_REPLY)
        if kinds:
            outbox_add(application=locked, kinds=kinds, event=event)
    application.state, application.decided_at = locked.state, locked.decided_at
    application.assigned_to_id = locked.assigned_to_id
    return event


@transaction.atomic
def application_start_review(*, application: TrialApplication, reviewer,
                             internal_note: str = "") -> AuditEvent:
    """Taking it into review opens its ethics assessment against the Code in force now."""
    event = _transition(application=application, to_state=State.IN_REVIEW, reviewer=reviewer,
                        internal_note=internal_note)
    assessment_open(application=application, reviewer=reviewer)
    return event


def application_request_info(*, application: TrialApplication, reviewer, message: str,
                             internal_note: str = "") -> AuditEvent:
    return _transition(application=application, to_state=State.MORE_INFO, reviewer=reviewer,
                       message=message, internal_note=internal_note)


def application_approve(*, application: TrialApplication, reviewer, message: str,
                        internal_note: str = "") -> AuditEvent:
    return _transition(application=application, to_state=State.APPROVED, reviewer=reviewer,
                       message=message, internal_note=internal_note)


def application_decline(*, application: TrialApplication, reviewer, message: str,
                        internal_note: str = "") -> AuditEvent:
    return _transition(application=application, to_state=State.DECLINED, reviewer=reviewer,
                       message=message, internal_note=internal_note)


def application_answer(*, application: TrialApplication, reply: str) -> AuditEvent:
    """The applicant's answer on the status page: back to review, reviewers are told."""
    return _transition(application=application, to_state=State.IN_REVIEW, message=reply,
                       only_from=State.MORE_INFO)


# One service per move a reviewer makes, for the admin's buttons.
REVIEWER_SERVICES = {
    State.IN_REVIEW: application_start_review,
    State.MORE_INFO: application_request_info,
    State.APPROVED: application_approve,
    State.DECLINED: application_decline,
}


@transaction.atomic
def application_assign(*, application: TrialApplication, reviewer, by) -> AuditEvent | None:
    if not can_review(by) or (reviewer is not None and not can_review(reviewer)):
        raise PermissionDenied("Applications are assigned to reviewers, by reviewers.")
    if application.assigned_to_id == (reviewer.pk if reviewer else None):
        return None
    application.assigned_to = reviewer
    application.save(update_fields=["assigned_to", "updated_at"])
    name = reviewer.get_username() if reviewer else "nobody"
    return AuditEvent.objects.create(application=application, actor=by, is_public=False,
                                     internal_note=f"Assigned to {name}.")


@transaction.atomic
def applications_anonymise(*, now=None) -> int:
    """Blanks the personal data of applications decided more than TRIALS_RETENTION_DAYS
    ago. State, products, sector, country, scale, language, dates and the assessment's
    ratings and conditions stay for statistics."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.TRIALS_RETENTION_DAYS)
    expired = TrialApplication.objects.filter(state__in=DECIDED_STATES, decided_at__lt=cutoff,
                                              anonymised_at__isnull=True)
    ids = list(expired.values_list("pk", flat=True))
    if not ids:
        return 0
    TrialApplication.objects.filter(pk__in=ids).update(
        name="", email="", organisation="", job_title="", phone="", intended_use="",
        consent_ip=None, consent_user_agent="", anonymised_at=now)
    # Messages may quote the applicant; the timeline keeps who moved it where and when.
    AuditEvent.objects.filter(application_id__in=ids).update(message="", internal_note="")
    # The ethics review keeps its ratings and conditions (statistics, the transparency
    # report) but not the reviewers' reasoning, which may describe the applicant.
    PrincipleRating.objects.filter(assessment__application_id__in=ids).update(rationale="")
    EmailOutbox.objects.filter(application_id__in=ids, status=EmailOutbox.Status.PENDING).update(
        status=EmailOutbox.Status.FAILED, last_error="anonymised before sending")
    return len(ids)
