"""Publishing and sending outbox rows. A row is written with what caused it (services.py);
publishing it to Celery happens after commit and may fail (broker down) without losing it:
the beat sweep publishes rows still pending. Sending is idempotent: a sent row is skipped."""

import logging
import smtplib
import time
from collections.abc import Iterable
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import NoReverseMatch
from django.utils import timezone
from kombu.exceptions import OperationalError

from .emails import message_for
from .models import AuditEvent, EmailOutbox, TrialApplication

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 8
SWEEP_BATCH = 500
# After one failed publish, requests in this process skip publishing for a while: each try
# costs the broker's retry time, and the sweep publishes the rows anyway.
BROKER_BACKOFF_SECONDS = 30
_broker_down_until = 0.0


def outbox_add(*, application: TrialApplication, kind: str,
               event: AuditEvent | None = None) -> EmailOutbox:
    """Call inside the transaction that caused the email; it is published on commit."""
    row = EmailOutbox.objects.create(
        key=f"{application.pk}:{kind}:{event.pk if event else 0}", application=application,
        event=event, kind=kind)
    transaction.on_commit(partial(outbox_publish, [row.pk]))
    return row


def outbox_publish(row_ids: Iterable[int], *, force: bool = False) -> int:
    """Hands rows to Celery; returns how many were published. Never raises: the rows are
    committed, so a failure here only delays them until the next sweep."""
    global _broker_down_until
    from .tasks import send_outbox_email

    if not force and time.monotonic() < _broker_down_until:
        return 0
    published = 0
    for row_id in row_ids:
        try:
            send_outbox_email.delay(row_id)
        except OperationalError:
            _broker_down_until = time.monotonic() + BROKER_BACKOFF_SECONDS
            logger.warning("Broker unavailable; outbox row %s waits for the sweep", row_id)
            return published
        except Exception:  # eager mode runs the task here: a bug must not fail the request
            logger.exception("Publishing outbox row %s failed; the sweep will retry", row_id)
            continue
        published += 1
    _broker_down_until = 0.0
    return published


def outbox_send(*, row_id: int) -> str:
    """Sends one row unless it was already sent; returns what happened. The row stays
    locked while the message goes out, so a duplicate task skips it instead of waiting."""
    with transaction.atomic():
        row = (EmailOutbox.objects.select_for_update(skip_locked=True)
               .filter(pk=row_id).first())
        if row is None:
            return "locked or missing"
        if row.status != EmailOutbox.Status.PENDING:
            return "already " + row.status
        row.attempts += 1
        try:
            message = message_for(row)
            if message is None:
                row.status, row.last_error = EmailOutbox.Status.FAILED, "no recipient"
                row.save(update_fields=["status", "last_error", "attempts"])
                return "no recipient"
            message.send()
        # NoReverseMatch: the Apply for Trial page has lost its apphook; staff can fix that.
        except (smtplib.SMTPException, OSError, NoReverseMatch) as error:
            row.last_error = f"{type(error).__name__}: {error}"[:300]
            if row.attempts >= MAX_ATTEMPTS:
                row.status = EmailOutbox.Status.FAILED
                logger.error("Giving up on outbox row %s: %s", row.pk, row.last_error)
            row.save(update_fields=["attempts", "last_error", "status"])
            return "failed"
        row.status, row.sent_at = EmailOutbox.Status.SENT, timezone.now()
        row.message_id = message.extra_headers["Message-ID"]
        row.save(update_fields=["status", "sent_at", "message_id", "attempts"])
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
               .order_by("created_at").values_list("pk", flat=True)[:SWEEP_BATCH])
    if not ids:
        return 0
    EmailOutbox.objects.filter(pk__in=ids).update(published_at=now)
    return outbox_publish(ids, force=True)
