"""Sending the emails to registrants (Notice rows), in the registrant's language: a row is
claimed by one worker at a time (a conditional UPDATE), sent outside any transaction and
marked sent; a failure leaves it pending for the sweep, up to MAX_ATTEMPTS."""

import logging
import smtplib
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import NoReverseMatch
from django.utils import timezone, translation

from center.core.queue import enqueue
from center.events.formatting import format_when
from center.events.ical import event_calendar

from . import links
from .models import Notice
from .qr import qr_png

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
CLAIM_LEASE = timedelta(minutes=10)
# The seat is theirs: these carry the event's calendar entry.
WITH_CALENDAR = {Notice.Kind.CONFIRMATION, Notice.Kind.REMINDER, Notice.Kind.EVENT_CHANGED}
SEND_TASK = "registrations.send_notices"


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
    # Dates read in the registrant's language and in the event's own time zone.
    with translation.override(registration.language), timezone.override(event.zone):
        context = {"registration": registration, "event": event, "notice": row,
                   "when": format_when(event.start, event.end, event.timezone),
                   "event_url": links.event_url(event),
                   "cancel_url": links.cancel_url(registration),
                   "accept_url": links.accept_url(registration),
                   "checkin_url": links.checkin_url(registration)}
        subject = " ".join(render_to_string(f"registrations/emails/{row.kind}_subject.txt",
                                            context).split())
        body = render_to_string(f"registrations/emails/{row.kind}.txt", context)
    message = EmailMessage(subject=subject, body=body, to=[registration.email],
                           headers={"Auto-Submitted": "auto-generated"})
    # Someone still on the waitlist has no seat to put in their calendar.
    if row.kind in WITH_CALENDAR and (row.kind != Notice.Kind.EVENT_CHANGED
                                      or registration.holds_seat):
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


SWEEP_BATCH = 500
ROWS_PER_TASK = 10


def notices_sweep(*, older_than: timedelta | None = None) -> int:
    """Publishes emails still pending after `older_than` (REGISTRATIONS_NOTICE_RETRY_MINUTES)
    and not claimed by a worker: a broker outage or a failed send delays an email, never
    loses it. Publishing a row twice is harmless (notice_claim lets one send through).
    Returns how many rows were handed to the broker."""
    if older_than is None:
        older_than = timedelta(minutes=settings.REGISTRATIONS_NOTICE_RETRY_MINUTES)
    now = timezone.now()
    ids = list(Notice.objects.filter(status=Notice.Status.PENDING,
                                     created_at__lte=now - older_than)
               .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
               .order_by("created_at", "pk").values_list("pk", flat=True)[:SWEEP_BATCH])
    published = 0
    for start in range(0, len(ids), ROWS_PER_TASK):
        chunk = ids[start:start + ROWS_PER_TASK]
        # force: the sweep runs in a worker and must find out whether the broker is back.
        if not enqueue(SEND_TASK, chunk, if_broker_down="sweep", force=True):
            break
        published += len(chunk)
    return published
