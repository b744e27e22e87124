from cms.models import CMSPlugin
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from filer.fields.image import FilerImageField
from parler.managers import TranslatableManager, TranslatableQuerySet
from parler.models import TranslatableModel, TranslatedFields

from center.core.images import filer_image_validate


class Organisation(TranslatableModel):
    """A university, institute or company people are affiliated with."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug


class PersonQuerySet(TranslatableQuerySet):
    def public(self):
        return self.filter(is_public=True)


class Person(TranslatableModel):
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        honorific=models.CharField(
            _("honorific"), max_length=100, blank=True, help_text=_("e.g. Professor, Dr.")
        ),
        short_bio=models.TextField(_("short bio"), blank=True),
    )
    portrait = FilerImageField(
        verbose_name=_("portrait"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", validators=[filer_image_validate],
    )
    # Resized copies made when the portrait changes (never per request): {"webp": [...], ...}
    portrait_renditions = models.JSONField(_("portrait renditions"), default=dict, blank=True,
                                           editable=False)
    homepage = models.URLField(_("homepage"), blank=True)
    orcid = models.CharField(_("ORCID iD"), max_length=19, blank=True,
                             help_text=_("Format 0000-0002-1825-0097"))
    is_public = models.BooleanField(_("public"), default=True,
                                    help_text=_("Only public people appear on the site."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslatableManager.from_queryset(PersonQuerySet)()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["slug"]

    def __str__(self):
        return self.safe_translation_getter("name", any_language=True) or self.slug

    def get_absolute_url(self):
        return reverse("people:person_detail", kwargs={"slug": self.slug})


class Position(TranslatableModel):
    """One title a person holds at one organisation; a person may hold several."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="positions",
                               verbose_name=_("person"))
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="positions", verbose_name=_("organisation"))
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=250, blank=True),
    )

    class Meta:
        verbose_name = _("position")
        verbose_name_plural = _("positions")
        ordering = ["person", "order", "pk"]

    def __str__(self):
        title = self.safe_translation_getter("title", any_language=True)
        return f"{title}, {self.organisation}" if title else str(self.organisation)


class SpeakerGrid(CMSPlugin):
    """Settings of a "Speaker grid" plugin: the people an editor picked, shown by name."""

    people = models.ManyToManyField(Person, related_name="speaker_grids",
                                    verbose_name=_("people"))

    class Meta:
        verbose_name = _("speaker grid")
        verbose_name_plural = _("speaker grids")

    def __str__(self):
        count = self.people.count() if self.pk else 0
        return ngettext("%(count)d person", "%(count)d people", count) % {"count": count}

    def copy_relations(self, oldinstance):
        # django CMS copies the plugin row itself (e.g. into a new draft version), but
        # a many-to-many selection only through this hook.
        self.people.set(oldinstance.people.all())
