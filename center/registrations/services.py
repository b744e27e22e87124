"""Registering, cancelling and the waitlist. Every change of seats happens under a lock on
the event's RegistrationSetup row (SELECT ... FOR UPDATE), so concurrent registrations are
counted one after another and an event is never overbooked. Emails are outbox rows
(Notice) written in the same transaction, sent by Celery after the commit."""

import hmac
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from center.core.queue import enqueue, enqueue_on_commit

from .models import Notice, Registration, RegistrationSetup
from .selectors import events_with_seats_for_the_waitlist

Status = Registration.Status
SEND_TASK = "registrations.send_notices"
PROMOTE_TASK = "registrations.promote_waitlist"


class RegistrationRefused(Exception):
    """Why a registration cannot be taken (the message is for the visitor)."""


def notices_add(registrations, kind: str, *, cause: str = "", message: str = "") -> list[Notice]:
    """Outbox rows for `registrations`, sent after the commit (or by the sweep)."""
    rows = Notice.objects.bulk_create(
        [Notice(key=f"{registration.pk}:{kind}:{cause}"[:100], registration=registration,
                kind=kind, message=message) for registration in registrations],
        ignore_conflicts=True)  # the same cause twice sends one email
    ids = list(Notice.objects.filter(key__in=[row.key for row in rows],
                                     status=Notice.Status.PENDING).values_list("pk", flat=True))
    if ids:
        enqueue_on_commit(SEND_TASK, ids, if_broker_down="sweep")
    return rows


def _locked_setup(event_id: int) -> RegistrationSetup:
    return (RegistrationSetup.objects.select_for_update().select_related("event")
            .get(event_id=event_id))


def _seats_taken(event_id: int) -> int:
    return Registration.objects.filter(event_id=event_id, status__in=Registration.HOLDING).count()


def _check_open(setup: RegistrationSetup, invitation_code: str, now) -> None:
    if not setup.is_accepting(now):
        raise RegistrationRefused(_("Registration for this event is closed."))
    if setup.mode == RegistrationSetup.Mode.INVITATION and not hmac.compare_digest(
            invitation_code.strip().upper().encode(), setup.invitation_code.upper().encode()):
        raise RegistrationRefused(_("This invitation code is not valid for this event."))


def registration_create(*, event_id: int, name: str, email: str, language: str,
                        affiliation: str = "", access_needs: str = "",
                        invitation_code: str = "", now=None) -> tuple[Registration, bool]:
    """A confirmed seat while seats are left, else a place on the waitlist; (registration,
    created). An address already registered for the event gets its registration back,
    unchanged (created False), so a second click or a second form never takes two seats."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = _locked_setup(event_id)  # every registration for this event queues here
        _check_open(setup, invitation_code, now)
        existing = Registration.objects.filter(event_id=event_id, email__iexact=email,
                                               status__in=Registration.ACTIVE,
                                               anonymised_at__isnull=True).first()
        if existing is not None:
            return existing, False
        # A seat freed a moment ago belongs to the waitlist (promotion is on its way), not
        # to whoever registers before the task runs.
        has_seat = _seats_taken(event_id) < setup.capacity and not Registration.objects.filter(
            event_id=event_id, status=Status.WAITLISTED).exists()
        registration = Registration.objects.create(
            event_id=event_id, name=name.strip(), email=email.strip(), language=language,
            affiliation=affiliation.strip(), access_needs=access_needs.strip(),
            consented_at=now, created_at=now,
            status=Status.CONFIRMED if has_seat else Status.WAITLISTED,
            confirmed_at=now if has_seat else None)
        notices_add([registration], Notice.Kind.CONFIRMATION if has_seat
                    else Notice.Kind.WAITLISTED)
    return registration, True


def registration_cancel(*, registration: Registration, now=None) -> bool:
    """Cancels (from the signed link in an email); a freed seat goes to the waitlist through
    Celery. False when there was nothing to cancel (already cancelled or lapsed)."""
    now = now or timezone.now()
    with transaction.atomic():
        _locked_setup(registration.event_id)
        updated = Registration.objects.filter(pk=registration.pk, status__in=Registration.ACTIVE)
        held_seat = updated.filter(status__in=Registration.HOLDING).exists()
        if not updated.update(status=Status.CANCELLED, cancelled_at=now):
            return False
        notices_add([registration], Notice.Kind.CANCELLED)
        if held_seat:
            enqueue_on_commit(PROMOTE_TASK, registration.event_id, if_broker_down="sweep")
    registration.refresh_from_db()
    return True


def waitlist_promote(*, event_id: int, now=None) -> list[Registration]:
    """Offers each free seat to the first on the waitlist, with a deadline to accept.
    Idempotent: run twice (a retried task, two workers), the second finds no free seat."""
    now = now or timezone.now()
    with transaction.atomic():
        setup = _locked_setup(event_id)
        if setup.event.start <= now or setup.event_cancelled_at:
            return []  # nobody is offered a seat for an event that has begun or is off
        free = setup.capacity - _seats_taken(event_id)
        if free <= 0:
            return []
        expires = min(now + timedelta(hours=setup.offer_hours), setup.event.start)
        chosen = list(Registration.objects.filter(
            event_id=event_id, status=Status.WAITLISTED).order_by("pk")[:free])
        Registration.objects.filter(pk__in=[r.pk for r in chosen]).update(
            status=Status.OFFERED, offered_at=now, offer_expires_at=expires)
        for registration in chosen:
            registration.status, registration.offered_at = Status.OFFERED, now
            registration.offer_expires_at = expires
        notices_add(chosen, Notice.Kind.OFFER, cause=str(int(now.timestamp())))
    return chosen


def offer_accept(*, registration: Registration, now=None) -> None:
    """The first on the waitlist takes the seat offered to them, before its deadline."""
    now = now or timezone.now()
    with transaction.atomic():
        _locked_setup(registration.event_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Status.CONFIRMED:
            return  # a second click
        if current.status != Status.OFFERED or current.offer_expires_at <= now:
            raise RegistrationRefused(_("This offer is no longer open: the seat has passed to "
                                        "the next person on the waitlist."))
        Registration.objects.filter(pk=current.pk).update(status=Status.CONFIRMED,
                                                          confirmed_at=now)
        notices_add([current], Notice.Kind.CONFIRMATION, cause="accepted")
    registration.refresh_from_db()


def offers_expire(*, now=None) -> int:
    """Offers not accepted in time lapse and their seats pass on (beat, every few minutes)."""
    now = now or timezone.now()
    lapsed = Registration.objects.filter(status=Status.OFFERED, offer_expires_at__lte=now)
    event_ids = set(lapsed.values_list("event_id", flat=True))
    count = 0
    for event_id in event_ids:
        with transaction.atomic():
            _locked_setup(event_id)
            count += lapsed.filter(event_id=event_id).update(status=Status.EXPIRED)
            enqueue_on_commit(PROMOTE_TASK, event_id, if_broker_down="sweep")
    return count


# --- Privacy: anonymising registrations after the event --------------------------------------

def registrations_anonymise(*, now=None) -> int:
    """Blanks the registrant's own data (name, email, affiliation, access needs) of every
    registration whose event ended more than REGISTRATIONS_RETENTION_DAYS ago. Status,
    timestamps and who checked them in stay, so the counts per event stay true; emails not
    yet sent to them are dropped (there is no address left to send to)."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.REGISTRATIONS_RETENTION_DAYS)
    with transaction.atomic():
        expired = Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True)
        ids = list(expired.values_list("pk", flat=True))
        if not ids:
            return 0
        Registration.objects.filter(pk__in=ids).update(
            name="", email="", affiliation="", access_needs="", anonymised_at=now)
        Notice.objects.filter(registration_id__in=ids, status=Notice.Status.PENDING).update(
            status=Notice.Status.FAILED, last_error="anonymised before sending")
    return len(ids)


# --- Check-in at the door ------------------------------------------------------------------

def registration_check_in(*, registration: Registration, staff, now=None) -> bool:
    """Marks a confirmed registrant as arrived. A conditional UPDATE (only while nobody has
    checked them in), so two staff at the door cannot both do it: True for the one whose call
    did it; the other gets False and `registration` refreshed with who did and when."""
    now = now or timezone.now()
    done = Registration.objects.filter(
        pk=registration.pk, status=Status.CONFIRMED, checked_in_at__isnull=True,
    ).update(checked_in_at=now, checked_in_by=staff)
    registration.refresh_from_db()
    return bool(done)


def registration_check_in_undo(*, registration: Registration) -> bool:
    """Undoes a mistaken check-in (the person is not there after all)."""
    done = Registration.objects.filter(pk=registration.pk, checked_in_at__isnull=False).update(
        checked_in_at=None, checked_in_by=None)
    registration.refresh_from_db()
    return bool(done)


# --- Reminders, staff's news about the event, the outbox sweep (issue 16, flows) ----------


def reminders_send(*, now=None) -> list[Registration]:
    """The reminder the day before: confirmed registrations for events starting within the
    next REGISTRATIONS_REMINDER_HOURS (24) hours and not yet begun, not reminded yet. Beat
    runs it hourly, so a seat is reminded about 23-24 hours ahead (or at once if confirmed
    later). Rows are taken under FOR UPDATE SKIP LOCKED and marked by a conditional UPDATE
    in one transaction, so two beat runs or two workers never remind anyone twice."""
    now = now or timezone.now()
    window = now + timedelta(hours=settings.REGISTRATIONS_REMINDER_HOURS)
    with transaction.atomic():
        due = list(Registration.objects.select_for_update(skip_locked=True).filter(
            status=Status.CONFIRMED, reminder_sent_at__isnull=True, anonymised_at__isnull=True,
            event__start__gt=now, event__start__lte=window).values_list("pk", flat=True))
        # One conditional UPDATE; the rows are locked by this run, so all it set are its own
        # (and on SQLite, which has no row locks, the Notice key still allows one email).
        Registration.objects.filter(pk__in=due, reminder_sent_at__isnull=True).update(
            reminder_sent_at=now)
        reminded = list(Registration.objects.filter(pk__in=due, reminder_sent_at=now))
        notices_add(reminded, Notice.Kind.REMINDER)
    return reminded


def event_notify_registrants(*, event_id: int, kind: str, message: str,
                             notification_id: str) -> int:
    """Staff's news about the event (changed or cancelled) to everyone still in the running
    (confirmed, offered, waitlisted). `notification_id` is minted when staff open the form:
    the same form posted twice sends nobody a second email. A cancellation also closes
    registration; the registrations stay. Returns how many emails were queued."""
    if kind not in (Notice.Kind.EVENT_CHANGED, Notice.Kind.EVENT_CANCELLED):
        raise ValueError(kind)
    with transaction.atomic():
        setup = _locked_setup(event_id)
        if kind == Notice.Kind.EVENT_CANCELLED and not setup.event_cancelled_at:
            RegistrationSetup.objects.filter(pk=setup.pk).update(
                mode=RegistrationSetup.Mode.CLOSED, event_cancelled_at=timezone.now())
        registrants = list(Registration.objects.filter(
            event_id=event_id, status__in=Registration.ACTIVE, anonymised_at__isnull=True))
        before = Notice.objects.filter(registration__event_id=event_id, kind=kind).count()
        notices_add(registrants, kind, cause=notification_id, message=message.strip())
        return Notice.objects.filter(registration__event_id=event_id, kind=kind).count() - before


def capacity_changed(*, event_id: int) -> None:
    """Seats staff added go to the waitlist at once (promotion is idempotent: with no free
    seat it does nothing), through Celery after the commit."""
    enqueue_on_commit(PROMOTE_TASK, event_id, if_broker_down="sweep")


def promotions_sweep(*, now=None) -> int:
    """Publishes the promotion again for events whose freed seats still wait for the
    waitlist (the task was lost while the broker was down). Promotion is idempotent, so
    one still queued does no harm. Returns how many events were published."""
    event_ids = events_with_seats_for_the_waitlist(now or timezone.now())
    return sum(enqueue(PROMOTE_TASK, event_id, if_broker_down="sweep", force=True)
               for event_id in event_ids)
