from cms.models import CMSPlugin
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext_lazy
from filer.fields.file import FilerFileField
from filer.fields.image import FilerImageField
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from center.core.images import filer_image_validate

from .identifiers import doi_validate, isbn_validate


class WhitepaperStatusError(Exception):
    """A status change that the whitepaper's current status does not allow."""


class Topic(TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=120),
    )

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class WhitepaperQuerySet(TranslatableQuerySet):
    def published(self):
        # A future "visible from" time schedules the paper: it stays hidden until then.
        return self.filter(models.Q(published_at__isnull=True)
                           | models.Q(published_at__lte=timezone.now()),
                           status=Whitepaper.Status.PUBLISHED)


class Whitepaper(TranslatableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        CHINESE = "zh-hans", _("Simplified Chinese")

    class PdfProblem(models.TextChoices):
        NOT_PDF = "not_pdf", _("the file is not a PDF")
        TOO_BIG = "too_big", _("the file is larger than whitepaper PDFs may be")
        MISSING = "missing", _("the file is missing from storage")
        CHANGED = "changed", _("the file's bytes no longer match the SHA-256 recorded for it")

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    translations = TranslatedFields(
        # Context: the speakers app already uses plain "title" for a job title (职务).
        title=models.CharField(pgettext_lazy("document", "title"), max_length=300),
        subtitle=models.CharField(_("subtitle"), max_length=300, blank=True),
        abstract=models.TextField(_("abstract"), blank=True,
                                  help_text=_("Plain text; blank lines start new paragraphs.")),
        issuing_body=models.CharField(
            _("issued by"), max_length=300, blank=True,
            help_text=_("The institute or organisation that issued it."),
        ),
    )
    authors = models.ManyToManyField("people.Person", through="WhitepaperAuthor",
                                     related_name="whitepapers", verbose_name=_("authors"))
    publication_date = models.DateField(
        _("publication date"),
        help_text=_("Pages and citations give the month and year; when the day is not known, "
                    "use the first of the month."),
    )
    version = models.CharField(_("version or edition"), max_length=60, blank=True,
                               help_text=_("e.g. 1.0 or 2nd edition"))
    doi = models.CharField(_("DOI"), max_length=200, blank=True, validators=[doi_validate],
                           help_text=_("e.g. 10.1000/xyz123"))
    isbn = models.CharField(_("ISBN"), max_length=13, blank=True, validators=[isbn_validate],
                            help_text=_("ISBN-10 or ISBN-13; hyphens are removed."))
    topics = models.ManyToManyField(Topic, blank=True, related_name="whitepapers",
                                    verbose_name=_("topics"))
    pdf_language = models.CharField(_("language of the PDF"), max_length=10,
                                    choices=Language.choices, default=Language.ENGLISH)
    # SET_NULL: removing a file in the media library must not delete the paper's record.
    pdf = FilerFileField(verbose_name=_("PDF"), null=True, blank=True, on_delete=models.SET_NULL,
                         related_name="+")
    # Facts about the PDF, taken when it is attached (services), so pages never read the file.
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True,
                                  editable=False)
    pdf_size = models.PositiveBigIntegerField(_("PDF size (bytes)"), null=True, blank=True,
                                              editable=False)
    pdf_pages = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    # Set when the file behind the paper stops matching what was checked (replaced in the
    # media library, changed in storage): visitors get no download until a sound PDF is
    # attached. The facts above stay those of the last sound file.
    pdf_problem = models.CharField(_("PDF withheld because"), max_length=20, blank=True,
                                   choices=PdfProblem.choices, editable=False)
    cover = FilerImageField(
        verbose_name=_("cover image"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", validators=[filer_image_validate],
        help_text=_("Portrait, 3:4. Leave empty for a cover made from the title."),
    )
    # Resized copies of the cover (uploaded or generated) made when it changes: {"webp": [...]}
    cover_renditions = models.JSONField(_("cover renditions"), default=dict, blank=True,
                                        editable=False)
    download_count = models.PositiveIntegerField(_("downloads"), default=0, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("visible from"), null=True, blank=True,
        help_text=_("Set when it is published, if empty. A future time keeps a published "
                    "whitepaper hidden until then."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslatableManager.from_queryset(WhitepaperQuerySet)()

    class Meta:
        verbose_name = _("whitepaper")
        verbose_name_plural = _("whitepapers")
        ordering = ["-publication_date", "-pk"]
        indexes = [models.Index(fields=["status", "published_at"],
                                name="publications_wp_visible")]

    def __str__(self):
        return self.safe_translation_getter("title", any_language=True) or self.slug

    def get_absolute_url(self, language=None):
        # Takes a language so menus.utils.set_language_changer can ask for either version.
        with translation.override(language or translation.get_language()):
            return reverse("publications:whitepaper_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_visible(self) -> bool:
        return self.is_published and (self.published_at is None
                                      or self.published_at <= timezone.now())

    @property
    def pdf_available(self) -> bool:
        """A PDF is attached and its last check found it sound."""
        return bool(self.pdf_id) and not self.pdf_problem

    def fallback_language(self, language: str) -> str:
        """The language the paper is shown in when it is not written in `language`, else ""
        (then the page marks the text's real language). Reads prefetched translations."""
        languages = sorted(t.language_code for t in self.translations.all())
        if not languages or language in languages:
            return ""
        return "en" if "en" in languages else languages[0]

    def ordered_authors(self) -> list:
        """The authors in byline order; reads authorships through .all() so a prefetch
        (selectors) is used."""
        return [authorship.person for authorship in self.authorships.all()]

    def publish(self, *, now=None) -> None:
        if self.is_published:
            raise WhitepaperStatusError(f"Whitepaper {self.pk} is already published.")
        self.status = self.Status.PUBLISHED
        if self.published_at is None:
            self.published_at = now or timezone.now()

    def unpublish(self) -> None:
        if not self.is_published:
            raise WhitepaperStatusError(f"Whitepaper {self.pk} is not published.")
        self.status = self.Status.DRAFT


class WhitepaperAuthor(models.Model):
    """One author of a whitepaper, in byline order."""

    whitepaper = models.ForeignKey(Whitepaper, on_delete=models.CASCADE,
                                   related_name="authorships", verbose_name=_("whitepaper"))
    person = models.ForeignKey("people.Person", on_delete=models.PROTECT,
                               related_name="authorships", verbose_name=_("person"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("author")
        verbose_name_plural = _("authors")
        ordering = ["whitepaper", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["whitepaper", "person"],
                                    name="publications_author_once_per_paper"),
        ]

    def __str__(self):
        return str(self.person)


class FeaturedWhitepapers(CMSPlugin):
    """Settings of a "Featured whitepapers" plugin: the papers an editor picked."""

    whitepapers = models.ManyToManyField(Whitepaper, related_name="featured_in",
                                         verbose_name=_("whitepapers"))

    class Meta:
        verbose_name = _("featured whitepapers")
        verbose_name_plural = _("featured whitepapers")

    def __str__(self):
        count = self.whitepapers.count() if self.pk else 0
        return ngettext("%(count)d whitepaper", "%(count)d whitepapers", count) % {"count": count}

    def copy_relations(self, oldinstance):
        # django CMS copies the plugin row itself (e.g. into a new draft version), but
        # a many-to-many selection only through this hook.
        self.whitepapers.set(oldinstance.whitepapers.all())
