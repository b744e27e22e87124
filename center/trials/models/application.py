from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import F
from django.db.models.functions import Upper
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from center.ethics.models import CodeVersion


class TransitionError(Exception):
    """A state change that the application's current state does not allow."""


class Product(TranslatableModel):
    """A partner product organisations may apply to trial; staff keep the list."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=120),
    )
    is_active = models.BooleanField(_("offered"), default=True,
                                    help_text=_("Only offered products appear on the form."))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("product")
        verbose_name_plural = _("products")
        ordering = ["order", "slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class PrivacyNoticeQuerySet(models.QuerySet):
    def in_force(self):
        return self.filter(effective_from__lte=timezone.now())


class PrivacyNotice(TranslatableModel):
    """A version of the privacy notice applicants consent to. Each application records the
    version it was shown, so a notice is never edited once anyone has agreed to it."""

    version = models.CharField(_("version"), max_length=40, unique=True,
                               help_text=_("e.g. 2025-01"))
    effective_from = models.DateTimeField(_("in force from"), default=timezone.now)
    translations = TranslatedFields(
        text=models.TextField(_("text"), help_text=_("Plain text; blank lines start new "
                                                     "paragraphs.")),
    )

    objects = PrivacyNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-effective_from", "-pk"]

    def __str__(self):
        return self.version


class TrialApplication(models.Model):
    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        IN_REVIEW = "in_review", _("In review")
        MORE_INFO = "more_info", _("More information needed")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    class Sector(models.TextChoices):
        GOVERNMENT = "government", _("Government or public body")
        HEALTHCARE = "healthcare", _("Healthcare")
        EDUCATION = "education", _("Education")
        RESEARCH = "research", _("Research institute or university")
        BUSINESS = "business", _("Business")
        NON_PROFIT = "non_profit", _("Non-profit organisation")
        OTHER = "other", _("Other")

    class Scale(models.TextChoices):
        PILOT = "pilot", _("Pilot: fewer than 100 people")
        TEAM = "team", _("100 to 1,000 people")
        ORGANISATION = "organisation", _("1,000 to 10,000 people")
        LARGE = "large", _("More than 10,000 people")

    # Allowed next states. "More information needed" returns to review when the applicant
    # answers on the status page (or a reviewer resumes it); decisions are final.
    NEXT_STATES = {
        State.SUBMITTED: {State.IN_REVIEW},
        State.IN_REVIEW: {State.APPROVED, State.DECLINED, State.MORE_INFO},
        State.MORE_INFO: {State.IN_REVIEW},
        State.APPROVED: set(),
        State.DECLINED: set(),
    }

    reference = models.CharField(_("reference"), max_length=20, unique=True, editable=False)
    state = models.CharField(_("state"), max_length=20, choices=State.choices,
                             default=State.SUBMITTED, editable=False, db_index=True)
    # The applicant's personal data: blanked by the retention sweep (services.anonymise).
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("work email"), max_length=254, db_index=True)
    organisation = models.CharField(_("organisation"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    intended_use = models.TextField(_("intended use"))
    consent_ip = models.GenericIPAddressField(_("consent given from IP"), null=True, blank=True)
    consent_user_agent = models.CharField(_("consent given with browser"), max_length=300,
                                          blank=True)
    # Kept after anonymisation, for statistics.
    country = models.CharField(_("country or region"), max_length=100)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    expected_scale = models.CharField(_("expected scale"), max_length=20, choices=Scale.choices)
    products = models.ManyToManyField(Product, related_name="applications",
                                      verbose_name=_("products of interest"))
    language = models.CharField(_("language"), max_length=10, default="en")
    privacy_notice = models.ForeignKey(PrivacyNotice, on_delete=models.PROTECT,
                                       related_name="applications",
                                       verbose_name=_("privacy notice agreed to"))
    consented_at = models.DateTimeField(_("consent given at"))
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                    null=True, blank=True, related_name="trial_applications",
                                    verbose_name=_("reviewer"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now, db_index=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("trial application")
        verbose_name_plural = _("trial applications")
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            # The repeat check at every submission (services._recent_duplicate) compares
            # emails case-blind: without this it reads every application of the last day.
            models.Index(Upper("email"), F("submitted_at").desc(), name="trials_repeat_check"),
        ]

    def __str__(self):
        return self.reference

    @property
    def is_decided(self) -> bool:
        return self.state in DECIDED_STATES

    @property
    def allowed_transitions(self) -> list[str]:
        """The states this application may move to next, in the workflow's order."""
        return [state for state in self.State.values if self.can_move_to(state)]

    def can_move_to(self, state: str) -> bool:
        return state in self.NEXT_STATES.get(self.state, set())

    def move_to(self, state: str, *, now=None) -> None:
        """Refuses (TransitionError) a move the current state does not allow, and an
        approval the ethics assessment does not allow; a decision records when it was made."""
        if not self.can_move_to(state):
            raise TransitionError(f"{self.reference} cannot go from {self.state!r} to {state!r}.")
        if state == self.State.APPROVED and (blockers := self.approval_blockers()):
            raise TransitionError(blockers[0])
        self.state = state
        if state in DECIDED_STATES:
            self.decided_at = now or timezone.now()


    def approval_blockers(self) -> list[str]:
        """Why the ethics review does not allow approval yet (empty: it does). Without an
        assessment, approval waits for one whenever a Code of Ethics is in force."""
        try:
            assessment = self.assessment
        except ObjectDoesNotExist:
            if CodeVersion.objects.in_force().exists():
                return [str(_("Assess the application against the Code of Ethics before "
                              "approving it."))]
            return []
        return assessment.approval_blockers()


DECIDED_STATES = {TrialApplication.State.APPROVED, TrialApplication.State.DECLINED}


class AuditEvent(models.Model):
    """One thing that happened to an application. Transitions are public (the applicant's
    timeline shows them with `message`); `internal_note` is for staff only."""

    application = models.ForeignKey(TrialApplication, on_delete=models.CASCADE,
                                    related_name="events", verbose_name=_("application"))
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                              blank=True, related_name="+", verbose_name=_("by"))
    by_applicant = models.BooleanField(_("by the applicant"), default=False)
    created_at = models.DateTimeField(_("when"), default=timezone.now)
    from_state = models.CharField(_("from"), max_length=20, blank=True,
                                  choices=TrialApplication.State.choices)
    to_state = models.CharField(_("to"), max_length=20, blank=True,
                                choices=TrialApplication.State.choices)
    message = models.TextField(_("message to the applicant"), blank=True)
    internal_note = models.TextField(_("internal note"), blank=True)
    is_public = models.BooleanField(_("shown to the applicant"), default=True)

    class Meta:
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.application_id}: {self.from_state or '–'} → {self.to_state or '–'}"


class DecisionTemplate(TranslatableModel):
    """The message prefilled for the applicant when a reviewer makes a decision."""

    state = models.CharField(_("decision"), max_length=20, unique=True, choices=[
        (s.value, s.label) for s in (TrialApplication.State.APPROVED,
                                     TrialApplication.State.DECLINED,
                                     TrialApplication.State.MORE_INFO)])
    translations = TranslatedFields(
        message=models.TextField(_("message")),
    )

    class Meta:
        verbose_name = _("decision template")
        verbose_name_plural = _("decision templates")
        ordering = ["state"]

    def __str__(self):
        return self.get_state_display()


class EmailOutbox(models.Model):
    """An email to send, written in the same transaction as what caused it, so a broker
    outage cannot lose it: a beat sweep publishes rows still pending (tasks.py)."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", _("Confirmation to the applicant")
        STAFF_NOTIFICATION = "staff_notification", _("New application, to reviewers")
        DECISION = "decision", _("Decision, to the applicant")
        APPLICANT_REPLY = "applicant_reply", _("Applicant's reply, to reviewers")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    # application:kind:event — one email per cause, even if a service ran twice.
    key = models.CharField(max_length=80, unique=True, editable=False)
    application = models.ForeignKey(TrialApplication, on_delete=models.CASCADE,
                                    related_name="emails", verbose_name=_("application"))
    event = models.ForeignKey(AuditEvent, on_delete=models.CASCADE, null=True, blank=True,
                              related_name="emails", verbose_name=_("audit event"))
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices,
                              default=Status.PENDING)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    published_at = models.DateTimeField(_("last handed to the queue"), null=True, blank=True)
    # A worker's claim while it sends (outbox.outbox_claim); a killed worker's runs out.
    claimed_until = models.DateTimeField(_("claimed until"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("sending attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=300, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("outgoing email")
        verbose_name_plural = _("outgoing emails")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["status", "created_at"], name="trials_outbox_pending")]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.get_status_display()})"
