"""Each task calls the code that does its work. Nobody imports this module: services
enqueue by task name (center.core.queue)."""

from celery import shared_task

from . import notices, services


@shared_task(name="registrations.send_notices")
def send_notices(row_ids: list[int]) -> list[str]:
    return notices.notices_send(row_ids)


@shared_task(name="registrations.promote_waitlist")
def promote_waitlist(event_id: int) -> int:
    # After a cancellation or a lapsed offer: the freed seats go to the waitlist, in order.
    return len(services.waitlist_promote(event_id=event_id))


@shared_task(name="registrations.expire_offers")
def expire_offers() -> int:
    return services.offers_expire()


@shared_task(name="registrations.anonymise_expired")
def anonymise_expired() -> int:
    # Daily: registrations of events past REGISTRATIONS_RETENTION_DAYS lose personal data.
    return services.registrations_anonymise()


@shared_task(name="registrations.send_reminders")
def send_reminders() -> int:
    # Hourly; sends each reminder once however often it runs (services.reminders_send).
    return len(services.reminders_send())


@shared_task(name="registrations.sweep_notices")
def sweep_notices() -> int:
    # Every minute: what a broker outage held back (emails, promotions) goes out now.
    services.promotions_sweep()
    return notices.notices_sweep()
