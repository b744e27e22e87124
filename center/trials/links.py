"""Absolute addresses for emails, which are written outside any request (in a worker)."""

from cms.utils.apphook_reload import ensure_urlconf_is_up_to_date
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from center.core.links import absolute

from .models import TrialApplication
from .tokens import status_token


def status_path(application: TrialApplication, language: str | None = None) -> str:
    # A worker has no request to reload the URLconf after the apphook was attached.
    ensure_urlconf_is_up_to_date()
    with translation.override(language or application.language):
        return reverse("trials:status", kwargs={"token": status_token(application)})


def status_url(application: TrialApplication) -> str:
    return absolute(status_path(application))


def admin_url(application: TrialApplication) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse("admin:trials_trialapplication_change", args=[application.pk]))
