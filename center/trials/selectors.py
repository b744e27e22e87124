from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from .models import (
    AuditEvent,
    DecisionTemplate,
    EmailOutbox,
    PrivacyNotice,
    Product,
    TrialApplication,
)

REVIEWERS_GROUP = "Reviewers"


def offered_products() -> QuerySet:
    return Product.objects.filter(is_active=True).prefetch_related("translations")


def current_privacy_notice() -> PrivacyNotice | None:
    return PrivacyNotice.objects.in_force().prefetch_related("translations").first()


def next_privacy_notice_from() -> datetime | None:
    """When the next notice takes effect: the blank form changes then by time alone."""
    return (PrivacyNotice.objects.filter(effective_from__gt=timezone.now())
            .order_by("effective_from").values_list("effective_from", flat=True).first())


def can_review(user) -> bool:
    """Applicants' personal data are for Reviewers and superusers only: not for Editors,
    nor for staff who were handed the model permissions some other way."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(name=REVIEWERS_GROUP).exists()


def reviewers() -> QuerySet:
    return get_user_model().objects.filter(
        Q(groups__name=REVIEWERS_GROUP) | Q(is_superuser=True), is_active=True, is_staff=True,
    ).distinct().order_by("username")


def reviewer_emails() -> list[str]:
    """The Reviewers group; superusers only while the group has nobody to write to (a new
    site), so that no application goes unnoticed."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    emails = set(users.filter(groups__name=REVIEWERS_GROUP).values_list("email", flat=True))
    if not emails:
        emails = set(users.filter(is_superuser=True).values_list("email", flat=True))
    return sorted(emails)


def public_timeline(application: TrialApplication) -> QuerySet:
    """What the applicant sees: transitions and messages, never internal notes."""
    return (AuditEvent.objects.filter(application=application, is_public=True)
            .only("created_at", "from_state", "to_state", "message", "by_applicant"))


def staff_timeline(application: TrialApplication) -> QuerySet:
    return AuditEvent.objects.filter(application=application).select_related("actor")


def decision_message(*, state: str, language: str) -> str:
    template = DecisionTemplate.objects.filter(state=state).first()
    if template is None:
        return ""
    return template.safe_translation_getter("message", language_code=language,
                                            any_language=True) or ""


def product_names(application: TrialApplication, language: str) -> list[str]:
    return [p.safe_translation_getter("name", language_code=language, any_language=True)
            or p.slug for p in application.products.all()]


def outbox_backlog() -> dict[str, int]:
    """Emails not sent yet, by status (pending, failed): one query, for /metrics."""
    counts = dict(EmailOutbox.objects.filter(status__in=("pending", "failed")).order_by()
                  .values_list("status").annotate(n=Count("id")))
    return {status: counts.get(status, 0) for status in ("pending", "failed")}
