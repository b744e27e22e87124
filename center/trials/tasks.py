"""Each task calls the code that does its work. Nobody imports this module: services and
the outbox enqueue by task name (center.core.queue)."""

from celery import shared_task

from . import outbox, services
from .services.reminders import overdue_reviewers_remind


@shared_task(name="trials.send_outbox_emails")
def send_outbox_emails(row_ids: list[int]) -> list[str]:
    return outbox.outbox_send_all(row_ids)


@shared_task(name="trials.send_outbox_email")
def send_outbox_email(row_id: int) -> str:
    # Tasks of one row, published before send_outbox_emails existed, may still be queued.
    return outbox.outbox_send(row_id=row_id)


@shared_task(name="trials.sweep_outbox")
def sweep_outbox() -> int:
    # Every minute (CELERY_BEAT_SCHEDULE): rows whose publishing failed or got lost.
    return outbox.outbox_sweep()


@shared_task(name="trials.anonymise_expired")
def anonymise_expired() -> int:
    # Daily: decided applications past TRIALS_RETENTION_DAYS lose their personal data.
    return services.applications_anonymise()


@shared_task(name="trials.remind_overdue_reviewers")
def remind_overdue_reviewers() -> int:
    # Daily (CELERY_BEAT_SCHEDULE): one email per reviewer listing their overdue applications.
    return overdue_reviewers_remind()
