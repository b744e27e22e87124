from cms.models import CMSPlugin
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

# "1.0", "2.1.3": digits and dots only, so a label is safe in a URL as it stands.
validate_label = RegexValidator(
    r"^\d{1,4}(\.\d{1,4}){0,3}$",
    _("Use numbers separated by dots, e.g. 1.0 or 2.1."),
    code="invalid_label",
)


def tidy_text(value: str) -> str:
    """A text as saved: a browser's textarea sends "\r\n" and may keep spaces at line ends,
    so a text saved unchanged would otherwise differ from the stored one in invisible ways
    (and the change view would call it reworded)."""
    lines = (value or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip()


class CodeVersionStatusError(Exception):
    """A status change that the version's current status does not allow."""


class CodeVersionQuerySet(TranslatableQuerySet):
    def published(self):
        # Superseded versions stay public: the Code's history is part of the record.
        return self.filter(status__in=[CodeVersion.Status.IN_FORCE, CodeVersion.Status.SUPERSEDED])

    def in_force(self):
        return self.filter(status=CodeVersion.Status.IN_FORCE)


class CodeVersion(TranslatableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_FORCE = "in_force", _("In force")
        SUPERSEDED = "superseded", _("Superseded")

    # A version moves forward only: a published text is never taken back to draft.
    NEXT_STATUS = {
        Status.DRAFT: {Status.IN_FORCE},
        Status.IN_FORCE: {Status.SUPERSEDED},
        Status.SUPERSEDED: set(),
    }

    label = models.CharField(_("version"), max_length=20, unique=True,
                             validators=[validate_label], help_text=_("e.g. 1.0 or 1.1"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    effective_date = models.DateField(
        _("effective date"), null=True, blank=True,
        help_text=_("The day this version takes effect. Left empty, publishing sets today."),
    )
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=250),
        preamble=models.TextField(_("preamble"), blank=True,
                                  help_text=_("Plain text; blank lines start new paragraphs.")),
    )
    based_on = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("copied from"))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    superseded_at = models.DateTimeField(_("superseded at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslatableManager.from_queryset(CodeVersionQuerySet)()

    class Meta:
        verbose_name = _("Code of Ethics version")
        verbose_name_plural = _("Code of Ethics versions")
        # Drafts first (no publication date yet), then the newest publication.
        ordering = [F("published_at").desc(nulls_first=True), "-pk"]
        constraints = [
            # The rule visitors rely on: one Code in force, enforced by the database itself.
            models.UniqueConstraint(fields=["status"], condition=Q(status="in_force"),
                                    name="ethics_codeversion_one_in_force"),
        ]

    def __str__(self):
        return str(_("Version %(label)s") % {"label": self.label})

    def get_absolute_url(self, language=None):
        with translation.override(language or translation.get_language()):
            return reverse("ethics:version_detail", kwargs={"label": self.label})

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_in_force(self) -> bool:
        return self.status == self.Status.IN_FORCE

    @property
    def is_published(self) -> bool:
        return self.status in (self.Status.IN_FORCE, self.Status.SUPERSEDED)

    def _move_to(self, status: str) -> None:
        if status not in self.NEXT_STATUS[self.status]:
            raise CodeVersionStatusError(
                f"Version {self.label} cannot go from {self.status} to {status}.")
        self.status = status

    def put_in_force(self, *, now=None) -> None:
        now = now or timezone.now()
        self._move_to(self.Status.IN_FORCE)
        self.published_at = now
        self.effective_date = self.effective_date or timezone.localdate(now)

    def supersede(self, *, now=None) -> None:
        self._move_to(self.Status.SUPERSEDED)
        self.superseded_at = now or timezone.now()


class Section(TranslatableModel):
    version = models.ForeignKey(CodeVersion, on_delete=models.CASCADE, related_name="sections",
                                verbose_name=_("version"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=250),
    )

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["version", "order", "pk"]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or f"#{self.pk}"


class Principle(TranslatableModel):
    version = models.ForeignKey(CodeVersion, on_delete=models.CASCADE,
                                related_name="principles", verbose_name=_("version"))
    # RESTRICT, not CASCADE: deleting a section must not silently delete its principles,
    # yet deleting a whole draft version (sections and principles together) still works.
    section = models.ForeignKey(Section, on_delete=models.RESTRICT, related_name="principles",
                                verbose_name=_("section"))
    number = models.PositiveSmallIntegerField(
        _("number"), validators=[MinValueValidator(1)],
        help_text=_("Keep a principle's number in later versions, and never give a removed "
                    "principle's number to a new one: links such as #principle-4 rely on it."),
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Position within its section; lower comes first."))
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=250),
        text=models.TextField(_("text")),
        commentary=models.TextField(_("commentary"), blank=True),
    )

    class Meta:
        verbose_name = _("principle")
        verbose_name_plural = _("principles")
        ordering = ["version", "order", "number"]
        constraints = [
            models.UniqueConstraint(fields=["version", "number"],
                                    name="ethics_principle_number_once_per_version"),
        ]

    def __str__(self):
        title = self.safe_translation_getter("title", any_language=True) or ""
        return f"{self.number}. {title}".strip()

    def clean(self):
        super().clean()
        if self.section_id and self.version_id and self.section.version_id != self.version_id:
            raise ValidationError({"section": _("Choose a section of the same version.")})

    @property
    def anchor(self) -> str:
        return f"principle-{self.number}"

    def get_permalink(self, language=None) -> str:
        with translation.override(language or translation.get_language()):
            return reverse("ethics:principle_permalink", kwargs={"number": self.number})


class PrincipleQuote(CMSPlugin):
    """Settings of a "Principle quote" plugin: the number of a principle of the Code in force."""

    number = models.PositiveSmallIntegerField(_("principle number"),
                                              validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("principle quote")
        verbose_name_plural = _("principle quotes")

    def __str__(self):
        return str(_("Principle %(number)d") % {"number": self.number})
