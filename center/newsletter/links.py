"""Absolute addresses for emails: a message is read far from any request, so they are
built from the Site's domain and META_SITE_PROTOCOL, like the feeds."""

from django.conf import settings
from django.contrib.sites.models import Site
from django.urls import NoReverseMatch, reverse
from django.utils import translation


def absolute(path: str) -> str:
    return f"{settings.META_SITE_PROTOCOL}://{Site.objects.get_current().domain}{path}"


def newsletter_url(name: str, *, language: str, **kwargs) -> str:
    with translation.override(language):
        return absolute(reverse(f"newsletter:{name}", kwargs=kwargs))


def signup_page_url() -> str:
    # "" while no page carries the newsletter apphook (the sign-up plugin then hides).
    try:
        return reverse("newsletter:signup")
    except NoReverseMatch:
        return ""
