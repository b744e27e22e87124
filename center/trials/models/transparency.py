"""The public transparency report: staff opt in per year, and only for a year that is over
(its numbers no longer move). A CMS plugin shows a published year's aggregate numbers."""

from cms.models import CMSPlugin
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TransparencyReport(models.Model):
    year = models.PositiveSmallIntegerField(_("year"), unique=True,
                                            validators=[MinValueValidator(2000)])
    is_published = models.BooleanField(
        _("published"), default=False,
        help_text=_("Visitors see the year's aggregate numbers wherever a transparency "
                    "report plugin shows it. Only a completed year can be published."))
    published_at = models.DateTimeField(_("published at"), null=True, blank=True,
                                        editable=False)
    published_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL,
                                     null=True, blank=True, editable=False, related_name="+",
                                     verbose_name=_("published by"))

    class Meta:
        verbose_name = _("transparency report")
        verbose_name_plural = _("transparency reports")
        ordering = ["-year"]

    def __str__(self):
        return str(_("Transparency report %(year)s") % {"year": self.year})

    def clean(self):
        super().clean()
        if self.is_published and self.year and self.year >= timezone.localdate().year:
            raise ValidationError({"is_published": _(
                "Only a completed year can be published: %(year)s is not over yet.")
                % {"year": self.year}})


class TransparencyReportPlugin(CMSPlugin):
    """Settings of an "Ethics review transparency report" plugin: the year it shows."""

    year = models.PositiveSmallIntegerField(_("year"), validators=[MinValueValidator(2000)])

    class Meta:
        verbose_name = _("transparency report plugin")
        verbose_name_plural = _("transparency report plugins")

    def __str__(self):
        return str(self.year)
