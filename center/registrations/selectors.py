"""Reads about seats: what an event page shows (the count may lag a few seconds; booking
itself counts under the lock in services.py)."""

from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower

from .models import Notice, Registration, RegistrationSetup


def setup_for_event(event_id: int) -> RegistrationSetup | None:
    return RegistrationSetup.objects.filter(event_id=event_id).first()


def seats_left(setup: RegistrationSetup) -> int:
    taken = Registration.objects.filter(event_id=setup.event_id,
                                        status__in=Registration.HOLDING).count()
    return max(setup.capacity - taken, 0)


def counts_by_status(event_id: int) -> dict[str, int]:
    return Registration.objects.filter(event_id=event_id).aggregate(**{
        status: Count("pk", filter=Q(status=status)) for status in Registration.Status.values})


# --- Staff: who may see registrants, and the check-in reads -------------------------------

EVENT_MANAGERS_GROUP = "Event managers"


def can_manage_registrations(user) -> bool:
    """Registrants' personal data are for Event managers and superusers only: not for
    Editors, Reviewers or Newsletter managers, even when handed the model permissions."""
    if not (user and user.is_authenticated and user.is_active and user.is_staff):
        return False
    return user.is_superuser or user.groups.filter(name=EVENT_MANAGERS_GROUP).exists()


def checkin_list(event_id: int):
    """Confirmed registrants by name: the printed list at the door."""
    return (Registration.objects.filter(event_id=event_id, status=Registration.Status.CONFIRMED,
                                        anonymised_at__isnull=True)
            .select_related("checked_in_by").order_by(Lower("name"), "pk"))


def checkin_search(event_id: int, query: str, limit: int = 20):
    """Confirmed registrants whose name (or address) holds `query`, for the phone page."""
    query = query.strip()
    if not query:
        return Registration.objects.none()
    return checkin_list(event_id).filter(Q(name__icontains=query) | Q(email__iexact=query))[:limit]


def checkin_counts(event_id: int) -> dict[str, int]:
    counts = counts_by_status(event_id)
    counts["checked_in"] = Registration.objects.filter(
        event_id=event_id, checked_in_at__isnull=False).count()
    return counts


# --- the public registration form and the event page (register_views.py) ------------------
def waitlist_position(registration: Registration) -> int:
    """1 for the first on the waitlist: the waitlist is served in arrival order (pk)."""
    return Registration.objects.filter(event_id=registration.event_id,
                                       status=Registration.Status.WAITLISTED,
                                       pk__lte=registration.pk).count()


def setup_for_event_page(event_id: int) -> dict | None:
    """What the event page and its seats.json show: None when the event takes no
    registrations here (it may still link out through its registration_url)."""
    setup = RegistrationSetup.objects.select_related("event").filter(event_id=event_id).first()
    if setup is None:
        return None
    return {"setup": setup, "seats_left": seats_left(setup), "accepting": setup.is_accepting(),
            "closes_at": setup.closes_at()}


def events_with_seats_for_the_waitlist(now) -> list[int]:
    """Upcoming events with a free seat and someone waiting: their promotion task was lost
    (broker down at the cancellation) or is still queued. Read by the sweep."""
    return list(RegistrationSetup.objects.filter(
        event__start__gt=now, event_cancelled_at__isnull=True).annotate(
        holding=Count("event__registrations", filter=Q(
            event__registrations__status__in=Registration.HOLDING)),
        waiting=Count("event__registrations", filter=Q(
            event__registrations__status=Registration.Status.WAITLISTED)),
    ).filter(waiting__gt=0, holding__lt=models.F("capacity")).values_list("event_id", flat=True))


def pending_notices() -> int:
    """Emails to registrants written but not sent yet: one query, for /metrics."""
    return Notice.objects.filter(status=Notice.Status.PENDING).count()
