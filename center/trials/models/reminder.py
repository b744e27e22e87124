from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReviewReminder(models.Model):
    """The overdue-review reminder a reviewer was sent on a day. Unique per reviewer and day,
    so a second beat run or a second worker finds the row and sends nothing."""

    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                                 related_name="+", verbose_name=_("reviewer"))
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    references = models.TextField(_("applications"), blank=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        ordering = ["-day", "reviewer"]
        constraints = [models.UniqueConstraint(fields=["reviewer", "day"],
                                               name="trials_one_reminder_a_day")]

    def __str__(self):
        return f"{self.reviewer} {self.day}"
