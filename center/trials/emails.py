"""The messages behind each outbox row, rendered when the row is sent (in a worker)."""

from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from . import letters, links, selectors
from .models import DECIDED_STATES, EmailOutbox, TrialApplication


def _render(name: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"trials/emails/{name}_subject.txt", context)
    body = render_to_string(f"trials/emails/{name}.txt", context)
    return " ".join(subject.split()), body


def _to_applicant(row: EmailOutbox, application: TrialApplication) -> tuple[list, str, dict]:
    context = {"application": application, "status_url": links.status_url(application),
               "products": selectors.product_names(application, application.language)}
    if row.kind == EmailOutbox.Kind.DECISION:
        context["event"] = row.event
        if row.event.to_state in DECIDED_STATES:
            context["letter"] = letters.decision_letter(application, application.language)
        return [application.email], f"decision_{row.event.to_state}", context
    return [application.email], "confirmation", context


def _to_reviewers(row: EmailOutbox, application: TrialApplication) -> tuple[list, str, dict]:
    recipients = selectors.reviewer_emails()
    reviewer = application.assigned_to
    if row.kind == EmailOutbox.Kind.APPLICANT_REPLY and reviewer and reviewer.email:
        recipients = [reviewer.email]  # the answer goes to whoever asked
    context = {"application": application, "admin_url": links.admin_url(application),
               "products": selectors.product_names(application, settings.LANGUAGE_CODE)}
    if row.kind == EmailOutbox.Kind.STAFF_NOTIFICATION:
        return recipients, "staff_notification", context
    return recipients, "applicant_reply", context


def message_for(row: EmailOutbox) -> EmailMessage | None:
    """None when there is nobody to send it to (an anonymised application, no reviewers)."""
    application = row.application
    if application.anonymised_at:
        return None
    to_applicant = row.kind in (EmailOutbox.Kind.CONFIRMATION, EmailOutbox.Kind.DECISION)
    builder = _to_applicant if to_applicant else _to_reviewers
    # Applicants read their emails in the language they applied in; staff in the site's.
    language = application.language if to_applicant else settings.LANGUAGE_CODE
    with translation.override(language):
        recipients, name, context = builder(row, application)
        if not recipients:
            return None
        subject, body = _render(name, context)
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">") or "localhost"
    return EmailMessage(subject=subject, body=body, to=recipients, headers={
        # Recorded on the row: a duplicate delivery is then recognisable.
        "Message-ID": make_msgid(idstring=f"trials-{row.pk}", domain=domain),
        "Auto-Submitted": "auto-generated",
        "X-Trial-Reference": application.reference,
    })
