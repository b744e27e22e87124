"""Sending a campaign's deliveries. Any number of batch tasks may run at once: each claims
a small chunk of pending rows (select_for_update(skip_locked=True), then a time-limited
claim), sends them over one SMTP connection, and marks the rows the server accepted as sent
a few at a time (SentMarks). A killed worker's claim runs out and its unmarked rows are
sent by the next task with the Message-ID chosen before the first attempt: a reader may get
a message twice after a crash, but recognisably the same one."""

import smtplib
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import Min, Q
from django.utils import timezone

from .emails import CampaignMail
from .models import Campaign, Delivery, Subscriber


@dataclass
class BatchResult:
    sent: int = 0
    failed: int = 0
    skipped: int = 0
    again_in: float | None = None  # seconds until this campaign needs another batch task


class TemporaryFailure(Exception):
    pass


class PermanentFailure(Exception):
    pass


def _classify(error: Exception) -> Exception:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _msg in error.recipients.values()]
        permanent = all(code >= 500 for code in codes)
        return (PermanentFailure if permanent else TemporaryFailure)(str(error)[:500])
    if isinstance(error, smtplib.SMTPResponseException):
        cls = PermanentFailure if error.smtp_code >= 500 else TemporaryFailure
        return cls(f"{error.smtp_code} {error.smtp_error!r}"[:500])
    if isinstance(error, (smtplib.SMTPException, OSError)):  # disconnects, refused, timeouts
        return TemporaryFailure(repr(error)[:500])
    return PermanentFailure(repr(error)[:500])  # e.g. an address the SMTP library refuses


def backoff_seconds(attempts: int) -> int:
    return min(600, 10 * 2 ** max(attempts - 1, 0))


def claim_chunk(*, campaign_id: int, size: int) -> list[Delivery]:
    now = timezone.now()
    lease = now + timedelta(seconds=settings.NEWSLETTER_CLAIM_SECONDS)
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("subscriber")
            .filter(campaign_id=campaign_id, status=Delivery.Status.PENDING)
            .filter(Q(claimed_until__isnull=True) | Q(claimed_until__lt=now))
            .order_by("pk")[:size]
        )
        Delivery.objects.filter(pk__in=[row.pk for row in rows]).update(claimed_until=lease)
    return rows


def _mark(delivery: Delivery, **fields) -> None:
    # Autocommit: each row's outcome is committed the moment it is known.
    Delivery.objects.filter(pk=delivery.pk).update(**fields)


# A committed UPDATE per message cost the worker about as much as the SMTP exchange, so the
# sent marks are committed together: after MARK_EVERY messages or MARK_SECONDS, whichever
# comes first. A crash in between resends at most that many, each with its Message-ID.
MARK_EVERY = 25
MARK_SECONDS = 1.0


class SentMarks:
    """Rows the SMTP server accepted that are not yet marked sent in the database."""

    def __init__(self):
        self.ids: list[int] = []
        self.since = 0.0

    def add(self, delivery: Delivery) -> None:
        if not self.ids:
            self.since = time.monotonic()
        self.ids.append(delivery.pk)
        if len(self.ids) >= MARK_EVERY or time.monotonic() - self.since >= MARK_SECONDS:
            self.commit()

    def commit(self) -> None:
        if not self.ids:
            return
        # Plain SQL: the ORM's query building cost more CPU than the UPDATE. Autocommit: its
        # own short transaction.
        table = Delivery._meta.db_table
        places = ", ".join(["%s"] * len(self.ids))
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET status = %s, sent_at = %s, claimed_until = NULL, "
                f"error = '' WHERE id IN ({places})",
                [Delivery.Status.SENT, timezone.now(), *self.ids])
        self.ids = []


def _still_sending(campaign_id: int) -> bool:
    return Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).exists()


@transaction.atomic
def campaign_finish_if_done(*, campaign_id: int) -> bool:
    campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
    if campaign is None or campaign.status != Campaign.Status.SENDING \
            or not campaign.recipients_frozen_at:
        return False
    if campaign.deliveries.filter(status=Delivery.Status.PENDING).exists():
        return False
    campaign.finish()
    campaign.save(update_fields=["status", "finished_at", "updated_at"])
    return True


def _seconds_until_claims_expire(campaign_id: int) -> float | None:
    pending = Delivery.objects.filter(campaign_id=campaign_id, status=Delivery.Status.PENDING)
    earliest = pending.aggregate(first=Min("claimed_until"))["first"]
    if earliest is None:
        return 1.0 if pending.exists() else None
    return max(1.0, (earliest - timezone.now()).total_seconds() + 1)


class _Pacer:
    """Spreads sends so all parallel batch tasks together stay under NEWSLETTER_SEND_RATE."""

    def __init__(self):
        rate = settings.NEWSLETTER_SEND_RATE
        self.interval = settings.NEWSLETTER_PARALLEL_BATCHES / rate if rate > 0 else 0
        self.next_at = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_at > now:
            time.sleep(self.next_at - now)
        self.next_at = max(self.next_at, now) + self.interval


def _send_one(mail: CampaignMail, smtp, delivery: Delivery) -> None:
    subscriber = delivery.subscriber
    raw = mail.raw(to=subscriber.email, token=subscriber.token, message_id=delivery.message_id)
    session = getattr(smtp, "connection", None)  # smtplib.SMTP behind Django's SMTP backend
    if raw is not None and session is not None:
        session.sendmail(mail.envelope_from, [subscriber.email], raw)
        return
    mail.message(to=subscriber.email, token=subscriber.token, message_id=delivery.message_id,
                 connection=smtp).send()


def _send_chunk(rows, *, mail: CampaignMail, smtp, pacer: _Pacer, marks: SentMarks,
                result: BatchResult) -> None:
    for index, delivery in enumerate(rows):
        subscriber = delivery.subscriber
        if subscriber.status != Subscriber.Status.CONFIRMED:
            _mark(delivery, status=Delivery.Status.SKIPPED, claimed_until=None)
            result.skipped += 1
            continue
        pacer.wait()
        try:
            _send_one(mail, smtp, delivery)
        except Exception as error:  # noqa: BLE001 - sorted into temporary / permanent
            failure = _classify(error)
            if isinstance(failure, PermanentFailure):
                _mark(delivery, status=Delivery.Status.FAILED, error=str(failure),
                      claimed_until=None, attempts=delivery.attempts + 1)
                result.failed += 1
                continue
            smtp.close()  # reopened by the next task
            marks.commit()
            attempts = delivery.attempts + 1
            if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
                _mark(delivery, status=Delivery.Status.FAILED, error=str(failure),
                      claimed_until=None, attempts=attempts)
                result.failed += 1
            else:
                wait = backoff_seconds(attempts)
                _mark(delivery, error=str(failure), attempts=attempts,
                      claimed_until=timezone.now() + timedelta(seconds=wait))
                result.again_in = wait
            # The server is unwell: hand the rest of the chunk back at once and retry later.
            Delivery.objects.filter(pk__in=[row.pk for row in rows[index + 1:]]).update(
                claimed_until=None)
            result.again_in = result.again_in or backoff_seconds(1)
            raise TemporaryFailure(str(failure)) from error
        marks.add(delivery)
        result.sent += 1


def campaign_send_batch(*, campaign_id: int, time_budget: float | None = None) -> BatchResult:
    """Send for up to `time_budget` seconds (short tasks keep well inside the broker's
    visibility timeout), then say when another batch task should continue."""
    result = BatchResult()
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is None or campaign.status != Campaign.Status.SENDING \
            or not campaign.recipients_frozen_at:
        return result
    budget = settings.NEWSLETTER_TASK_SECONDS if time_budget is None else time_budget
    deadline = time.monotonic() + budget
    mail = CampaignMail(campaign)
    pacer = _Pacer()
    marks = SentMarks()
    smtp = get_connection()  # opened once, reused for every message of the task
    try:
        try:
            smtp.open()
        except (smtplib.SMTPException, OSError):  # the server is down: try again later
            result.again_in = backoff_seconds(1)
            return result
        while time.monotonic() < deadline:
            if not _still_sending(campaign_id):  # cancelled
                return result
            rows = claim_chunk(campaign_id=campaign_id, size=settings.NEWSLETTER_CHUNK_SIZE)
            if not rows:
                break
            Campaign.objects.filter(pk=campaign_id).update(last_progress_at=timezone.now())
            try:
                _send_chunk(rows, mail=mail, smtp=smtp, pacer=pacer, marks=marks,
                            result=result)
            except TemporaryFailure:
                return result
            finally:
                # Any other error too: what the server accepted is marked before it propagates.
                marks.commit()
        else:
            result.again_in = 0  # out of time, not out of work
            return result
    finally:
        smtp.close()
    if not campaign_finish_if_done(campaign_id=campaign_id):
        # Rows still claimed by another (or a killed) task: look again when claims expire.
        result.again_in = _seconds_until_claims_expire(campaign_id)
    return result
