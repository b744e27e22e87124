"""Publishing and sending outbox rows. A row is written with what caused it (services.py);
publishing it to Celery happens after commit (center.core.queue) and may fail (broker
down) without losing it: the beat sweep publishes rows still pending. Sending is
idempotent: a sent row is skipped, and a row being sent is claimed by one worker at a
time (outbox_claim)."""

import logging
import smtplib
from collections.abc import Iterable
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import F, Q
from django.urls import NoReverseMatch
from django.utils import timezone

from center.core.queue import enqueue, enqueue_on_commit

from .emails import message_for
from .models import AuditEvent, EmailOutbox, TrialApplication

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
SWEEP_BATCH = 500
ROWS_PER_TASK = 10
SEND_TASK = "trials.send_outbox_emails"
# Longer than any send takes: a row whose worker died is sent again once its claim runs out.
CLAIM_LEASE = timedelta(minutes=10)


def outbox_add(*, application: TrialApplication, kinds: Iterable[str],
               event: AuditEvent | None = None) -> list[EmailOutbox]:
    """Call inside the transaction that caused the emails; one INSERT, and one task that
    sends them all is published on commit."""
    rows = EmailOutbox.objects.bulk_create(
        EmailOutbox(key=f"{application.pk}:{kind}:{event.pk if event else 0}",
                    application=application, event=event, kind=kind)
        for kind in kinds)
    # With the broker down (or backing off after a failure) the rows wait for the sweep.
    enqueue_on_commit(SEND_TASK, [row.pk for row in rows], if_broker_down="sweep")
    return rows


def outbox_publish(row_ids: list[int], *, force: bool = False) -> int:
    """Hands rows to Celery, a few per task so that several workers share a backlog;
    returns how many were published. Never raises: the rows are committed, so a failure
    here only delays them until the next sweep. `force` tries even while this process
    backs off from a broker that failed (the sweep, staff's button)."""
    published = 0
    for start in range(0, len(row_ids), ROWS_PER_TASK):
        chunk = list(row_ids[start:start + ROWS_PER_TASK])
        if not enqueue(SEND_TASK, chunk, if_broker_down="sweep", force=force):
            logger.warning("Outbox rows %s and the rest wait for the sweep", chunk)
            break
        published += len(chunk)
    return published


def outbox_send_all(row_ids: Iterable[int]) -> list[str]:
    """Sends each row (outbox_send); a row that fails unexpectedly does not hold back the
    others (its claim runs out and the sweep publishes it again)."""
    outcomes = []
    for row_id in row_ids:
        try:
            outcomes.append(outbox_send(row_id=row_id))
        except Exception:
            logger.exception("Outbox row %s failed; the sweep retries it", row_id)
            outcomes.append("error")
    return outcomes


def outbox_claim(row_id: int) -> datetime | None:
    """Claims a pending row for one send. Returns the claim's expiry, which the claimant's
    later updates match on, or None when another worker holds the row or it is no longer
    pending. A conditional UPDATE, so exactly one of any racing workers wins, on SQLite too
    (which ignores select_for_update); a claim past its expiry can be taken again."""
    now = timezone.now()
    until = now + CLAIM_LEASE
    won = (EmailOutbox.objects.filter(pk=row_id, status=EmailOutbox.Status.PENDING)
           .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
           .update(claimed_until=until, attempts=F("attempts") + 1))
    return until if won else None


def outbox_send(*, row_id: int) -> str:
    """Sends one row unless it was already sent; returns what happened. The row is claimed
    (outbox_claim) and sent outside any transaction, so a duplicate task skips it instead
    of waiting, and no lock is held while the SMTP server answers."""
    claim = outbox_claim(row_id)
    if claim is None:
        status = EmailOutbox.objects.filter(pk=row_id).values_list("status", flat=True).first()
        if status is None:
            return "missing"
        return "claimed by another worker" if status == EmailOutbox.Status.PENDING else (
            "already " + status)
    row = EmailOutbox.objects.select_related("application", "event").filter(pk=row_id).first()
    if row is None:
        return "missing"
    mine = EmailOutbox.objects.filter(pk=row_id, status=EmailOutbox.Status.PENDING,
                                      claimed_until=claim)
    try:
        message = message_for(row)
        if message is None:
            mine.update(status=EmailOutbox.Status.FAILED, last_error="no recipient",
                        claimed_until=None)
            return "no recipient"
        # Stored before the send: a resend after a crash carries the same Message-ID, so the
        # duplicate can be recognised.
        if row.message_id:
            message.extra_headers["Message-ID"] = row.message_id
        elif not mine.update(message_id=message.extra_headers["Message-ID"]):
            return "claim expired"
        message.send()
    # NoReverseMatch: the Apply for Trial page has lost its apphook; staff can fix that.
    except (smtplib.SMTPException, OSError, NoReverseMatch) as error:
        last_error = f"{type(error).__name__}: {error}"[:300]
        gave_up = row.attempts >= MAX_ATTEMPTS
        status = EmailOutbox.Status.FAILED if gave_up else EmailOutbox.Status.PENDING
        # Releasing the claim lets the sweep's next task retry at once.
        if mine.update(status=status, last_error=last_error, claimed_until=None) and gave_up:
            logger.error("Giving up on outbox row %s: %s", row.pk, last_error)
        return "failed"
    # Not on the claim: the message went out, even if the claim ran out meanwhile.
    EmailOutbox.objects.filter(pk=row_id, status=EmailOutbox.Status.PENDING).update(
        status=EmailOutbox.Status.SENT, sent_at=timezone.now(), claimed_until=None)
    return "sent"


def outbox_sweep(*, older_than: timedelta | None = None) -> int:
    """Publishes rows pending for longer than `older_than` (default
    TRIALS_OUTBOX_RETRY_MINUTES) that were not handed to the queue since."""
    if older_than is None:
        older_than = timedelta(minutes=settings.TRIALS_OUTBOX_RETRY_MINUTES)
    now = timezone.now()
    cutoff = now - older_than
    ids = list(EmailOutbox.objects.filter(status=EmailOutbox.Status.PENDING,
                                          created_at__lte=cutoff)
               .filter(Q(published_at__isnull=True) | Q(published_at__lte=cutoff))
               .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lte=now))
               .order_by("created_at").values_list("pk", flat=True)[:SWEEP_BATCH])
    if not ids:
        return 0
    EmailOutbox.objects.filter(pk__in=ids).update(published_at=now)
    return outbox_publish(ids, force=True)
