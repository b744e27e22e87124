"""Reads about seats: what an event page shows (the count may lag a few seconds; booking
itself counts under the lock in services.py)."""

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
