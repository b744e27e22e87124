"""Reads about seats: what an event page shows (the count may lag a few seconds; booking
itself counts under the lock in services.py)."""

from django.db import models
from django.db.models import Count, Q

from .models import Registration, RegistrationSetup


def setup_for_event(event_id: int) -> RegistrationSetup | None:
    return RegistrationSetup.objects.filter(event_id=event_id).first()


def seats_left(setup: RegistrationSetup) -> int:
    taken = Registration.objects.filter(event_id=setup.event_id,
                                        status__in=Registration.HOLDING).count()
    return max(setup.capacity - taken, 0)


def counts_by_status(event_id: int) -> dict[str, int]:
    row = Registration.objects.filter(event_id=event_id).aggregate(**{
        status: Count("pk", filter=Q(status=status)) for status in Registration.Status.values})
    return row


def events_with_seats_for_the_waitlist(now) -> list[int]:
    """Upcoming events with a free seat and someone waiting: their promotion task was lost
    (broker down at the cancellation) or is still queued. Read by the sweep."""
    return list(RegistrationSetup.objects.filter(event__start__gt=now).annotate(
        holding=Count("event__registrations", filter=Q(
            event__registrations__status__in=Registration.HOLDING)),
        waiting=Count("event__registrations", filter=Q(
            event__registrations__status=Registration.Status.WAITLISTED)),
    ).filter(waiting__gt=0, holding__lt=models.F("capacity")).values_list("event_id", flat=True))
