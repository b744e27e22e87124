import secrets
import unicodedata
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from djangocms_text.fields import HTMLField


class Topic(models.TextChoices):
    NEWS = "news", _("News")
    EVENTS = "events", _("Events")
    WHITEPAPERS = "whitepapers", _("Whitepapers")
    CODE_OF_ETHICS = "code-of-ethics", _("Code of Ethics updates")


class Language(models.TextChoices):
    ENGLISH = "en", _("English")
    CHINESE = "zh-hans", _("Simplified Chinese")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class CampaignStatusError(Exception):
    """A status change that the campaign's current status does not allow."""


class CampaignStartFailed(Exception):
    """Sending could not begin; the campaign is back in draft with the reason stored."""

    def __init__(self, campaign: "Campaign"):
        super().__init__(campaign.start_failure_text)
        self.campaign = campaign


# Control characters (CR and LF split an email header; TAB, NUL and the rest have no place
# in a subject line) and the Unicode line and paragraph separators.
_FORBIDDEN_CATEGORIES = {"Cc", "Zl", "Zp"}


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(char) in _FORBIDDEN_CATEGORIES for char in value or "")


def validate_single_line(value: str) -> None:
    if has_control_characters(value):
        raise ValidationError(
            _("Use a single line of text, without line breaks, tabs or other control "
              "characters."), code="control_characters")


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("email address"), max_length=254)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PENDING)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices,
                                default=Language.ENGLISH)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    # The key of every personal link in our emails (unsubscribe, preferences).
    token = models.CharField(_("token"), max_length=64, unique=True, default=new_token,
                             editable=False)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # "Ann@Example.org" and "ann@example.org" reach the same inbox: one row.
            models.UniqueConstraint(Lower("email"), name="newsletter_subscriber_email_ci"),
        ]
        indexes = [models.Index(fields=["status", "language"], name="newsletter_sub_status_lang")]

    def __str__(self):
        return self.email

    @property
    def is_confirmed(self) -> bool:
        return self.status == self.Status.CONFIRMED


class ConsentRecord(models.Model):
    """One change of a subscriber's consent, kept as evidence (GDPR/PIPL)."""

    class Action(models.TextChoices):
        SUBSCRIBE = "subscribe", _("Signed up")
        PREFERENCES = "preferences", _("Changed preferences")
        UNSUBSCRIBE = "unsubscribe", _("Unsubscribed")

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE,
                                   related_name="consents", verbose_name=_("subscriber"))
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    privacy_version = models.CharField(_("privacy text version"), max_length=40, blank=True)
    language = models.CharField(_("language"), max_length=10, blank=True)
    topics = models.JSONField(_("topics"), default=list, blank=True)
    ip_address = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    user_agent = models.CharField(_("user agent"), max_length=500, blank=True)
    source = models.CharField(_("source page"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    # The outbox mark of the confirmation email: beat's sweep sends any still unset.
    confirmation_sent_at = models.DateTimeField(_("confirmation email sent"), null=True,
                                                blank=True)

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()} · {self.created_at:%Y-%m-%d %H:%M}"


class CampaignQuerySet(models.QuerySet):
    def due(self, *, now=None):
        return self.filter(status=Campaign.Status.SCHEDULED,
                           scheduled_at__lte=now or timezone.now())

    def sending(self):
        return self.filter(status=Campaign.Status.SENDING)


class Campaign(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        CANCELLED = "cancelled", _("Cancelled")

    NEXT_STATUS = {
        Status.DRAFT: {Status.SCHEDULED, Status.SENDING, Status.CANCELLED},
        Status.SCHEDULED: {Status.DRAFT, Status.SENDING, Status.CANCELLED},
        Status.SENDING: {Status.SENT, Status.CANCELLED},
        Status.SENT: set(),
        Status.CANCELLED: set(),
    }

    class StartFailure(models.TextChoices):
        CONTROL_CHARACTERS = "control_characters", _(
            "The subject or preheader contains a line break, a tab or another control "
            "character. Edit it, save, and send again.")
        RENDER = "render", _("The email could not be built from this campaign.")
        QUEUE = "queue", _("The task queue was unavailable, so sending did not start. Try "
                           "again in a few minutes.")
        WORKER = "worker", _("Sending failed before the first message went out.")

    subject = models.CharField(_("subject"), max_length=200, validators=[validate_single_line])
    preheader = models.CharField(
        _("preheader"), max_length=200, blank=True, validators=[validate_single_line],
        help_text=_("The line mail programs show after the subject."))
    body_html = HTMLField(_("body"), blank=True)
    language = models.CharField(_("language"), max_length=10, choices=Language.choices,
                                default=Language.ENGLISH,
                                help_text=_("Sent to subscribers who chose this language."))
    topics = models.JSONField(
        _("topics"), default=list, blank=True,
        help_text=_("Sent to subscribers of any of these topics; none means everyone."))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    # Addresses "view in browser" without revealing how many campaigns exist.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    recipients_frozen_at = models.DateTimeField(null=True, blank=True, editable=False)
    last_progress_at = models.DateTimeField(null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Why the last attempt to send stopped before any message went out (then back in draft).
    start_failure = models.CharField(_("sending failed"), max_length=30, blank=True,
                                     choices=StartFailure.choices, editable=False)
    start_failure_detail = models.CharField(_("technical detail"), max_length=500, blank=True,
                                            editable=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("created by"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CampaignQuerySet.as_manager()

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        with translation.override(self.language):
            return reverse("newsletter:campaign_web", kwargs={"public_id": self.public_id})

    @property
    def is_editable(self) -> bool:
        return self.status in {self.Status.DRAFT, self.Status.SCHEDULED}

    def _move_to(self, status: str) -> None:
        if status not in self.NEXT_STATUS[self.status]:
            raise CampaignStatusError(
                f"Campaign {self.pk} cannot go from {self.status} to {status}.")
        self.status = status

    def schedule(self, *, at) -> None:
        self._move_to(self.Status.SCHEDULED)
        self.scheduled_at = at

    def unschedule(self) -> None:
        self._move_to(self.Status.DRAFT)

    def start(self, *, now=None) -> None:
        self._move_to(self.Status.SENDING)
        self.started_at = self.last_progress_at = now or timezone.now()
        self.start_failure = self.start_failure_detail = ""

    def fail_start(self, *, reason: str, detail: str = "") -> None:
        """Sending stopped before any message went out: back to draft, saying why. Only
        the caller knows that nothing went out, so it checks before calling."""
        if self.status not in {self.Status.DRAFT, self.Status.SCHEDULED, self.Status.SENDING}:
            raise CampaignStatusError(
                f"Campaign {self.pk} cannot go from {self.status} to draft.")
        self.status = self.Status.DRAFT
        self.scheduled_at = self.started_at = self.last_progress_at = None
        self.recipients_frozen_at = None
        self.start_failure, self.start_failure_detail = reason, detail[:500]

    @property
    def start_failure_text(self) -> str:
        if not self.start_failure:
            return ""
        label = str(self.get_start_failure_display())
        return f"{label} ({self.start_failure_detail})" if self.start_failure_detail else label

    def finish(self, *, now=None) -> None:
        self._move_to(self.Status.SENT)
        self.finished_at = now or timezone.now()

    def cancel(self, *, now=None) -> None:
        self._move_to(self.Status.CANCELLED)
        self.finished_at = now or timezone.now()


class Delivery(models.Model):
    """One campaign to one subscriber: the frozen recipient list and its bookkeeping."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (unsubscribed)")

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries",
                                 verbose_name=_("campaign"))
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE,
                                   related_name="deliveries", verbose_name=_("subscriber"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.PENDING)
    # Chosen when the list is frozen, before any send: a resend after a crash carries the
    # same Message-ID, so the duplicate can be recognised.
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True)
    # A worker's claim on the row; a killed worker's claim simply runs out.
    claimed_until = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.CharField(_("error"), max_length=500, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["campaign", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "subscriber"],
                                    name="newsletter_delivery_once_per_subscriber"),
        ]
        indexes = [models.Index(fields=["campaign", "status"], name="newsletter_deliv_camp_status")]

    def __str__(self):
        return f"{self.campaign} → {self.subscriber}"
