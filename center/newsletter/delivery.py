"""A campaign's way to its readers, start to end, and the one place that fans it out:
freeze the recipient list, start NEWSLETTER_PARALLEL_BATCHES batch tasks, keep each going
until no row is pending (sending.py sends), and restart a campaign whose workers died.
The tasks only call in here; a batch that is not enqueued (broker down) is found again
by the sweep, which restarts stalled campaigns."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from center.core.queue import enqueue

from .emails import new_message_id
from .models import Campaign, Delivery, Subscriber
from .sending import campaign_finish_if_done, campaign_send_batch

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
    matching = [pk for pk, topics in Subscriber.objects.filter(
        status=Subscriber.Status.CONFIRMED, language=campaign.language,
    ).values_list("pk", "topics").iterator(chunk_size=FREEZE_BATCH)
        if not campaign.topics or set(campaign.topics) & set(topics or [])]
    for start in range(0, len(matching), FREEZE_BATCH):
        Delivery.objects.bulk_create(
            [Delivery(campaign=campaign, subscriber_id=pk, message_id=new_message_id())
             for pk in matching[start:start + FREEZE_BATCH]],
            ignore_conflicts=True)
    campaign.recipients_frozen_at = campaign.last_progress_at = timezone.now()
    campaign.save(update_fields=["recipients_frozen_at", "last_progress_at", "updated_at"])
    return len(matching)


def batches_fan_out(*, campaign_id: int, force: bool = False) -> None:
    for _ in range(settings.NEWSLETTER_PARALLEL_BATCHES):
        enqueue("newsletter.send_batch", campaign_id, force=force)


def campaign_start_delivery(*, campaign_id: int) -> int:
    """The start_campaign task: freeze the list, then start the batches."""
    frozen = campaign_freeze_recipients(campaign_id=campaign_id)
    batches_fan_out(campaign_id=campaign_id)
    return frozen


def campaign_continue_delivery(*, campaign_id: int, in_process: bool) -> dict:
    """The send_batch task: one batch, then the same task again when the batch says so."""
    result = campaign_send_batch(campaign_id=campaign_id)
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
