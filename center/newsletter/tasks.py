"""Tasks load rows by id and call a service. All are safe to run twice: acks_late and
task_reject_on_worker_lost (settings) redeliver a task whose worker died."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model

from . import queue, sending, services
from .models import Campaign


@shared_task(name="newsletter.send_confirmation")
def send_confirmation(consent_id: int) -> bool:
    return services.consent_send_confirmation(consent_id=consent_id)


@shared_task(name="newsletter.start_campaign")
def start_campaign(campaign_id: int) -> int:
    frozen = services.campaign_freeze_recipients(campaign_id=campaign_id)
    for _ in range(settings.NEWSLETTER_PARALLEL_BATCHES):
        queue.publish(send_batch, campaign_id)
    return frozen


@shared_task(name="newsletter.send_batch", bind=True)
def send_batch(self, campaign_id: int) -> dict:
    result = sending.campaign_send_batch(campaign_id=campaign_id)
    # In-process (no broker) a task cannot wait for a claim to expire; the sweep resumes.
    if result.again_in is not None and not (self.request.is_eager and result.again_in):
        queue.publish(send_batch, campaign_id, countdown=result.again_in)
    return {"sent": result.sent, "failed": result.failed, "skipped": result.skipped}


@shared_task(name="newsletter.send_test")
def send_test(campaign_id: int, user_id: int) -> bool:
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    user = get_user_model().objects.filter(pk=user_id).first()
    if campaign is None or user is None or not user.email:
        return False
    services.campaign_send_test(campaign=campaign, to=user.email)
    return True


@shared_task(name="newsletter.sweep")
def sweep() -> dict:
    return services.newsletter_sweep()
