"""Sending the emails to registrants (Notice rows), in the registrant's language: a row is
claimed by one worker at a time (a conditional UPDATE), sent outside any transaction and
marked sent; a failure leaves it pending for the sweep, up to MAX_ATTEMPTS."""

import logging
import smtplib
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch
from django.utils import timezone, translation

from center.events.ical import event_calendar

from . import links
from .models import Notice
from .qr import qr_png

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
CLAIM_LEASE = timedelta(minutes=10)
# The seat is theirs: these carry the event's calendar entry.
WITH_CALENDAR = {Notice.Kind.CONFIRMATION, Notice.Kind.REMINDER, Notice.Kind.EVENT_CHANGED}


def notice_claim(row_id: int) -> datetime | None:
    now = timezone.now()
    until = now + CLAIM_LEASE
    won = (Notice.objects.filter(pk=row_id, status=Notice.Status.PENDING)
           .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
           .update(claimed_until=until, attempts=F("attempts") + 1))
    return until if won else None


def notice_message(row: Notice) -> EmailMessage | None:
    registration = row.registration
    if registration.anonymised_at or not registration.email:
        return None
    event = registration.event
    with translation.override(registration.language):
        context = {"registration": registration, "event": event, "notice": row,
                   "event_url": links.event_url(event),
                   "cancel_url": links.cancel_url(registration),
                   "accept_url": links.accept_url(registration),
                   "checkin_url": links.checkin_url(registration)}
        subject = " ".join(render_to_string(f"registrations/emails/{row.kind}_subject.txt",
                                            context).split())
        body = render_to_string(f"registrations/emails/{row.kind}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[registration.email],
                           headers={"Auto-Submitted": "auto-generated"})
    if row.kind in WITH_CALENDAR:
        message.attach(f"{event.slug}.ics", event_calendar(event).to_ical(), "text/calendar")
    if row.kind == Notice.Kind.CONFIRMATION:  # shown at the door, scanned by staff
        message.attach("check-in-code.png", qr_png(context["checkin_url"]), "image/png")
    return message


def notice_send(*, row_id: int) -> str:
    claim = notice_claim(row_id)
    if claim is None:
        return "not pending or claimed"
    row = Notice.objects.select_related("registration__event").get(pk=row_id)
    mine = Notice.objects.filter(pk=row_id, status=Notice.Status.PENDING, claimed_until=claim)
    try:
        message = notice_message(row)
        if message is None:
            mine.update(status=Notice.Status.FAILED, last_error="no recipient",
                        claimed_until=None)
            return "no recipient"
        message.send()
    # NoReverseMatch: the events page has lost its apphook; staff can fix that.
    except (smtplib.SMTPException, OSError, NoReverseMatch) as error:
        gave_up = row.attempts >= MAX_ATTEMPTS
        mine.update(status=Notice.Status.FAILED if gave_up else Notice.Status.PENDING,
                    last_error=f"{type(error).__name__}: {error}"[:300], claimed_until=None)
        return "failed"
    Notice.objects.filter(pk=row_id, status=Notice.Status.PENDING).update(
        status=Notice.Status.SENT, sent_at=timezone.now(), claimed_until=None)
    return "sent"


def notices_send(row_ids: Iterable[int]) -> list[str]:
    outcomes = []
    for row_id in row_ids:
        try:
            outcomes.append(notice_send(row_id=row_id))
        except Exception:  # one broken row must not hold back the others
            logger.exception("Registration email %s failed; the sweep retries it", row_id)
            outcomes.append("error")
    return outcomes
