"""Each task calls the code that does its work; all are safe to run twice: acks_late and
task_reject_on_worker_lost (settings) redeliver a task whose worker died. Nobody imports
this module: services enqueue by task name (center.core.queue)."""

from celery import shared_task

from . import delivery, services


@shared_task(name="newsletter.send_confirmation")
def send_confirmation(consent_id: int) -> bool:
    return services.consent_send_confirmation(consent_id=consent_id)


@shared_task(name="newsletter.start_campaign")
def start_campaign(campaign_id: int) -> int:
    return delivery.campaign_start_delivery(campaign_id=campaign_id)


@shared_task(name="newsletter.send_batch", bind=True)
def send_batch(self, campaign_id: int) -> dict:
    return delivery.campaign_continue_delivery(campaign_id=campaign_id,
                                               in_process=self.request.is_eager)


@shared_task(name="newsletter.send_test")
def send_test(campaign_id: int, user_id: int) -> bool:
    return services.campaign_send_test(campaign_id=campaign_id, user_id=user_id)


@shared_task(name="newsletter.sweep")
def sweep() -> dict:
    return services.newsletter_sweep()
