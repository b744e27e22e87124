"""Absolute addresses for emails, which are written outside any request (in a worker)."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from center.core.apphooks import apphook_urls_up_to_date
from center.core.links import absolute, url_or_empty

from .models import TrialApplication
from .tokens import status_token


def status_path(application: TrialApplication, language: str | None = None) -> str:
    # A worker has no request to reload the URLconf after the apphook was attached.
    apphook_urls_up_to_date()
    with translation.override(language or application.language):
        return reverse("trials:status", kwargs={"token": status_token(application)})


def status_url(application: TrialApplication) -> str:
    return absolute(status_path(application))


def admin_url(application: TrialApplication) -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return absolute(reverse("admin:trials_trialapplication_change", args=[application.pk]))


def code_version_url(version, language: str, *, absolute_link: bool = True) -> str:
    """The address of that Code version's page (not the one in force): a letter cites the text
    the application was judged against, even after it was superseded. Absolute for an email;
    a site path for a page, which then works on whichever host served it. "" while the Code's
    page has no apphook (no version pages exist yet)."""
    apphook_urls_up_to_date()
    path = url_or_empty(version, language)
    return absolute(path) if path and absolute_link else path
