from celery import shared_task

from .outbox import outbox_send, outbox_sweep
from .services import applications_anonymise


@shared_task(name="trials.send_outbox_email")
def send_outbox_email(row_id: int) -> str:
    return outbox_send(row_id=row_id)


@shared_task(name="trials.sweep_outbox")
def sweep_outbox() -> int:
    # Every minute (CELERY_BEAT_SCHEDULE): rows whose publishing failed or got lost.
    return outbox_sweep()


@shared_task(name="trials.anonymise_expired")
def anonymise_expired() -> int:
    # Daily: decided applications past TRIALS_RETENTION_DAYS lose their personal data.
    return applications_anonymise()
