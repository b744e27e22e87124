"""Registration for the Center's own events: per event a setup (open, by invitation code or
closed; a deadline; a capacity; optional questions), and registrations that hold a seat,
wait on the waitlist in arrival order, or hold a seat offered from the waitlist until a
deadline. Seats are counted under a lock on the event's setup (services.py), so an event is
never overbooked however many people register at once."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RegistrationSetup(models.Model):
    class Mode(models.TextChoices):
        OPEN = "open", _("Open to everyone")
        INVITATION = "invitation", _("With an invitation code")
        CLOSED = "closed", _("Closed")

    event = models.OneToOneField("events.Event", on_delete=models.CASCADE,
                                 related_name="registration_setup", verbose_name=_("event"))
    mode = models.CharField(_("registration"), max_length=20, choices=Mode.choices,
                            default=Mode.CLOSED)
    capacity = models.PositiveIntegerField(_("seats"), validators=[MinValueValidator(1)])
    deadline = models.DateTimeField(
        _("registration closes"), null=True, blank=True,
        help_text=_("Leave empty to take registrations until the event starts."))
    # Shared by staff with the invited guests; long and random, so it cannot be guessed.
    invitation_code = models.CharField(_("invitation code"), max_length=40, blank=True)
    ask_affiliation = models.BooleanField(_("ask for the affiliation"), default=True)
    ask_access_needs = models.BooleanField(_("ask about access needs"), default=True)
    # Set when staff tell the registrants the event is cancelled: no seat is offered after.
    event_cancelled_at = models.DateTimeField(_("event cancelled"), null=True, blank=True,
                                              editable=False)
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to accept a freed seat"), default=48, validators=[MinValueValidator(1)],
        help_text=_("A seat offered to the first on the waitlist passes on after this."))

    class Meta:
        verbose_name = _("registration setup")
        verbose_name_plural = _("registration setups")

    def __str__(self):
        return str(self.event)

    def closes_at(self):
        return self.deadline or self.event.start

    def is_accepting(self, now=None) -> bool:
        now = now or timezone.now()
        return self.mode != self.Mode.CLOSED and now < self.closes_at()


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        OFFERED = "offered", _("Seat offered")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Offer lapsed")

    # Statuses that hold a seat; and those still in the running (one per person and event).
    HOLDING = (Status.CONFIRMED, Status.OFFERED)
    ACTIVE = (Status.CONFIRMED, Status.OFFERED, Status.WAITLISTED)

    event = models.ForeignKey("events.Event", on_delete=models.CASCADE,
                              related_name="registrations", verbose_name=_("event"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              db_index=True)
    # Personal data: blanked a while after the event (services.registrations_anonymise).
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"), max_length=254)
    affiliation = models.CharField(_("affiliation"), max_length=200, blank=True)
    access_needs = models.TextField(_("access needs"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    consented_at = models.DateTimeField(_("agreed to the privacy notice at"))
    # The primary key is the arrival order: the waitlist is served by it.
    created_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("seat confirmed"), null=True, blank=True)
    offered_at = models.DateTimeField(_("seat offered"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer open until"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                      null=True, blank=True, related_name="+",
                                      verbose_name=_("checked in by"))
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "pk"]
        constraints = [
            # One registration in the running per address and event, whatever its case.
            models.UniqueConstraint(
                Lower("email"), "event", condition=Q(status__in=[
                    "confirmed", "offered", "waitlisted"]) & Q(anonymised_at__isnull=True),
                name="registrations_one_active_per_email"),
        ]
        indexes = [models.Index(fields=["event", "status", "id"],
                                name="registrations_waitlist_order")]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"

    @property
    def holds_seat(self) -> bool:
        return self.status in self.HOLDING


class Notice(models.Model):
    """An email to a registrant, written in the transaction that caused it (an outbox): a
    broker outage delays it (a beat sweep publishes what is pending), never loses it."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Seat confirmed")
        WAITLISTED = "waitlisted", _("On the waitlist")
        OFFER = "offer", _("Seat offered from the waitlist")
        CANCELLED = "cancelled", _("Registration cancelled")
        REMINDER = "reminder", _("Reminder the day before")
        EVENT_CHANGED = "event_changed", _("The event changed")
        EVENT_CANCELLED = "event_cancelled", _("The event is cancelled")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    # registration:kind:cause — one email per cause, even if a service or task runs twice.
    key = models.CharField(max_length=100, unique=True, editable=False)
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE,
                                     related_name="notices", verbose_name=_("registration"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # For a change or cancellation of the event: staff's words to every registrant.
    message = models.TextField(_("message"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # A worker's claim while it sends (notices.notice_claim); a killed worker's runs out.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("email to a registrant")
        verbose_name_plural = _("emails to registrants")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"],
                                name="registrations_notice_pending")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"
