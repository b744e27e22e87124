"""The daily reminder to reviewers about overdue applications (the review queue's
"overdue" section): one email per reviewer per day, whoever runs it and however often."""

import logging
import smtplib
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from center.core.links import absolute

from ..links import admin_url
from ..models import ReviewReminder
from ..queue import reviewers_to_remind

logger = logging.getLogger(__name__)


def _message(reviewer, rows) -> EmailMessage:
    # Staff read their emails in the site's language, as the other staff emails.
    with translation.override(settings.LANGUAGE_CODE):
        context = {"reviewer": reviewer, "count": len(rows),
                   "rows": [(row, admin_url(row.application)) for row in rows],
                   "queue_url": absolute(reverse("admin:trials_review_queue"))}
        subject = render_to_string("trials/emails/review_reminder_subject.txt", context)
        body = render_to_string("trials/emails/review_reminder.txt", context)
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(">") or "localhost"
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[reviewer.email],
                        headers={"Message-ID": make_msgid(idstring="trials-reminder",
                                                          domain=domain),
                                 "Auto-Submitted": "auto-generated"})


def _remind(reviewer, rows, today) -> bool:
    """Records the day's reminder and sends it in one transaction: a second run (or a
    worker racing this one) hits the unique (reviewer, day) row and sends nothing, and a
    failed send rolls the row back so that the next run tries again."""
    try:
        with transaction.atomic():
            ReviewReminder.objects.create(
                reviewer=reviewer, day=today,
                references=" ".join(row.application.reference for row in rows))
            _message(reviewer, rows).send()
    except IntegrityError:
        return False  # already reminded today
    except (smtplib.SMTPException, OSError):
        logger.exception("Review reminder to %s not sent; the next run retries", reviewer.pk)
        return False
    return True


def overdue_reviewers_remind() -> int:
    """Emails each reviewer their overdue applications, once a day; returns how many
    reviewers were emailed now."""
    today = timezone.localdate()
    reminders = reviewers_to_remind(today)
    already = set(ReviewReminder.objects.filter(day=today, reviewer__in=list(reminders))
                  .values_list("reviewer_id", flat=True))
    return sum(_remind(reviewer, rows, today) for reviewer, rows in reminders.items()
               if reviewer.pk not in already)
