"""A campaign's way to its readers, start to end, and the one place that fans it out:
freeze the recipient list, start NEWSLETTER_PARALLEL_BATCHES batch tasks, keep each going
until no row is pending (sending.py sends), and restart a campaign whose workers died.
The tasks only call in here; a batch that is not enqueued (broker down) is found again
by the sweep, which restarts stalled campaigns. A failure before any message went out
returns the campaign to draft with its reason (campaign_fail_start): never stuck sending."""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from center.core.audit import audit_log
from center.core.queue import enqueue

from .emails import new_message_id
from .models import Campaign, Delivery
from .selectors import campaign_audience
from .sending import campaign_finish_if_done, campaign_send_batch

logger = logging.getLogger(__name__)

# Freezing the recipient list writes this many rows per INSERT.
FREEZE_BATCH = 2000


@transaction.atomic
def campaign_freeze_recipients(*, campaign_id: int) -> int:
    """One delivery row per confirmed subscriber the campaign matches, each with its
    Message-ID. Runs once per campaign; later sign-ups wait for the next campaign."""
    campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
    if campaign is None or campaign.status != Campaign.Status.SENDING \
            or campaign.recipients_frozen_at:
        return 0
    matching = list(campaign_audience(campaign, chunk_size=FREEZE_BATCH))
    for start in range(0, len(matching), FREEZE_BATCH):
        Delivery.objects.bulk_create(
            [Delivery(campaign=campaign, subscriber_id=pk, message_id=new_message_id())
             for pk in matching[start:start + FREEZE_BATCH]],
            ignore_conflicts=True)
    campaign.recipients_frozen_at = campaign.last_progress_at = timezone.now()
    campaign.save(update_fields=["recipients_frozen_at", "last_progress_at", "updated_at"])
    return len(matching)


def _anything_sent(campaign: Campaign) -> bool:
    # A row sent, failed, tried, or claimed right now by a batch that may be sending it.
    return campaign.deliveries.filter(
        Q(status__in=[Delivery.Status.SENT, Delivery.Status.FAILED]) | Q(attempts__gt=0)
        | Q(claimed_until__gt=timezone.now())).exists()


@transaction.atomic
def campaign_fail_start(*, campaign_id: int, reason: str, detail: str = "",
                        user: AbstractBaseUser | None = None, sending_only: bool = False) -> bool:
    """Back to draft with the reason, when nothing was sent yet; the frozen list is dropped
    (the next start freezes a fresh one). False once a message went out: from then on the
    batches' retries and the sweep carry the campaign on."""
    campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
    allowed = {Campaign.Status.SENDING} if sending_only else {
        Campaign.Status.DRAFT, Campaign.Status.SCHEDULED, Campaign.Status.SENDING}
    if campaign is None or campaign.status not in allowed:
        return False
    if _anything_sent(campaign):
        return False
    campaign.deliveries.all().delete()
    campaign.fail_start(reason=reason, detail=detail)
    campaign.save()
    logger.warning("Campaign %s did not start sending (%s: %s); back to draft", campaign.pk,
                   reason, detail)
    audit_log(obj=campaign, user=user,
              message=f"Sending did not start ({reason}): {detail}"[:500])
    return True


def _failed_before_sending(campaign_id: int, error: Exception) -> bool:
    """Called in an except block: True when the campaign went back to draft."""
    if not campaign_fail_start(campaign_id=campaign_id, reason=Campaign.StartFailure.WORKER,
                               detail=repr(error), sending_only=True):
        return False
    logger.info("Traceback of campaign %s's failure", campaign_id, exc_info=True)
    return True


def batches_fan_out(*, campaign_id: int, force: bool = False) -> None:
    for _ in range(settings.NEWSLETTER_PARALLEL_BATCHES):
        enqueue("newsletter.send_batch", campaign_id, force=force)


def campaign_start_delivery(*, campaign_id: int) -> int:
    """The start_campaign task: freeze the list, then start the batches."""
    try:
        frozen = campaign_freeze_recipients(campaign_id=campaign_id)
    except Exception as error:
        if _failed_before_sending(campaign_id, error):
            return 0
        raise
    batches_fan_out(campaign_id=campaign_id)
    return frozen


def campaign_continue_delivery(*, campaign_id: int, in_process: bool) -> dict:
    """The send_batch task: one batch, then the same task again when the batch says so."""
    try:
        result = campaign_send_batch(campaign_id=campaign_id)
    except Exception as error:
        if _failed_before_sending(campaign_id, error):
            return {"sent": 0, "failed": 0, "skipped": 0}
        raise  # after a first message: the task fails; the sweep starts another later
    # In-process (no broker) a task cannot wait for a claim to expire; the sweep resumes.
    if result.again_in is not None and not (in_process and result.again_in):
        enqueue("newsletter.send_batch", campaign_id, countdown=result.again_in)
    return {"sent": result.sent, "failed": result.failed, "skipped": result.skipped}


def campaigns_resume_stalled(*, now: datetime) -> dict:
    """For the sweep: a sending campaign that made no progress for NEWSLETTER_STALL_SECONDS
    lost its workers (or its tasks never reached the broker): finish it or start it again."""
    report = {"resumed": 0, "finished": 0}
    stalled = Campaign.objects.sending().filter(
        last_progress_at__lt=now - timedelta(seconds=settings.NEWSLETTER_STALL_SECONDS))
    for campaign in stalled:
        if campaign_finish_if_done(campaign_id=campaign.pk):
            report["finished"] += 1
            continue
        # Marked as progress so the next sweep waits for these tasks before adding more.
        Campaign.objects.filter(pk=campaign.pk).update(last_progress_at=now)
        if not campaign.recipients_frozen_at:
            enqueue("newsletter.start_campaign", campaign.pk, force=True)
        else:
            batches_fan_out(campaign_id=campaign.pk, force=True)
        report["resumed"] += 1
    return report
