"""The ethics review of an application: one assessment per application, bound to the Code
of Ethics version in force when the review began, with a risk rating per principle of that
version and conditions of use. The rules that decide whether it may be approved live here
(Assessment.approval_blockers), and TrialApplication.move_to applies them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .application import TrialApplication


class Risk(models.TextChoices):
    NONE = "none", _("None")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")
    UNACCEPTABLE = "unacceptable", _("Unacceptable")


# From medium up a principle "mattered": the decision letter names it.
RISKS_THAT_MATTER = {Risk.MEDIUM, Risk.HIGH, Risk.UNACCEPTABLE}
RISK_ORDER = {risk: position for position, risk in enumerate(Risk.values)}


class AssessmentError(Exception):
    """A step the assessment's rules do not allow (the message says why, for staff)."""


class Assessment(models.Model):
    application = models.OneToOneField(TrialApplication, on_delete=models.CASCADE,
                                       related_name="assessment", verbose_name=_("application"))
    # PROTECT: a judgement keeps the Code it was made against, whatever comes into force later.
    code_version = models.ForeignKey("ethics.CodeVersion", on_delete=models.PROTECT,
                                     related_name="assessments",
                                     verbose_name=_("Code of Ethics version"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                  blank=True, related_name="+", verbose_name=_("opened by"))
    opened_at = models.DateTimeField(_("opened"), default=timezone.now)
    concurred_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, related_name="+",
                                     verbose_name=_("second reviewer"))
    concurred_at = models.DateTimeField(_("concurred"), null=True, blank=True)

    class Meta:
        verbose_name = _("ethics assessment")
        verbose_name_plural = _("ethics assessments")

    def __str__(self):
        return f"{self.application} ({self.code_version})"

    # The rules read the ratings and conditions as loaded (prefetch them for lists).
    def _risks(self) -> list[str]:
        return [rating.risk for rating in self.ratings.all()]

    @property
    def is_complete(self) -> bool:
        risks = self._risks()
        return bool(risks) and all(risks)

    @property
    def has_unacceptable(self) -> bool:
        return Risk.UNACCEPTABLE in self._risks()

    @property
    def needs_second_reviewer(self) -> bool:
        return Risk.HIGH in self._risks() or bool(self.conditions.all())

    @property
    def is_concurred(self) -> bool:
        return self.concurred_by_id is not None

    def assessor_ids(self) -> set[int]:
        """Everyone who judged: the one who opened it, rated a principle or set a condition."""
        ids = {self.opened_by_id}
        ids |= {rating.rated_by_id for rating in self.ratings.all()}
        ids |= {condition.created_by_id for condition in self.conditions.all()}
        return ids - {None}

    def approval_blockers(self) -> list[str]:
        """Why the application may not be approved yet (empty: it may)."""
        if not self.is_complete:
            return [str(_("Rate every principle of the Code before approving."))]
        if self.has_unacceptable:
            return [str(_("A principle is rated unacceptable: decline the application or ask "
                          "for more information."))]
        if self.needs_second_reviewer and not self.is_concurred:
            return [str(_("A high rating or a condition of use needs a second reviewer's "
                          "concurrence before approval."))]
        return []

    def concurrence_refusal(self, user) -> str:
        """Why `user` may not concur (empty: they may)."""
        if user.pk in self.assessor_ids():
            return str(_("A second reviewer must be someone who did not rate this "
                         "application or set its conditions."))
        if not self.is_complete:
            return str(_("Every principle must be rated before a second reviewer concurs."))
        if self.has_unacceptable:
            return str(_("An unacceptable rating cannot be concurred with for approval."))
        if self.is_concurred:
            return str(_("A second reviewer has already concurred."))
        return ""


class PrincipleRating(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="ratings",
                                   verbose_name=_("assessment"))
    principle = models.ForeignKey("ethics.Principle", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("principle"))
    # Blank until the reviewer rates it.
    risk = models.CharField(_("risk"), max_length=20, choices=Risk.choices, blank=True)
    # Internal: never shown to the applicant, dropped when the application is anonymised.
    rationale = models.TextField(_("rationale"), blank=True)
    rated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True,
                                 blank=True, related_name="+", verbose_name=_("rated by"))
    rated_at = models.DateTimeField(_("rated"), null=True, blank=True)

    class Meta:
        verbose_name = _("principle rating")
        verbose_name_plural = _("principle ratings")
        # The Code's order: its sections, then the principles within each.
        ordering = ["principle__section__order", "principle__order", "principle__number"]
        constraints = [models.UniqueConstraint(fields=["assessment", "principle"],
                                               name="trials_one_rating_per_principle")]

    def __str__(self):
        return f"{self.principle}: {self.get_risk_display() or '—'}"


class Condition(models.Model):
    """A condition of use the approval carries, e.g. "human review of every decision"."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE,
                                   related_name="conditions", verbose_name=_("assessment"))
    principle = models.ForeignKey("ethics.Principle", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("principle it serves"))
    # Told to the applicant in the decision letter, so written in their language.
    text = models.CharField(_("condition"), max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                   null=True, blank=True, related_name="+",
                                   verbose_name=_("set by"))
    created_at = models.DateTimeField(_("set"), default=timezone.now)

    class Meta:
        verbose_name = _("condition of use")
        verbose_name_plural = _("conditions of use")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.text

    def clean(self):
        super().clean()
        if (self.principle_id and self.assessment_id
                and self.principle.version_id != self.assessment.code_version_id):
            raise ValidationError({"principle": _(
                "Choose a principle of the Code version this assessment uses.")})
