"""Absolute addresses for emails: a message is read far from any request, so they are
built from the Site's domain and META_SITE_PROTOCOL, like the feeds."""

from django.urls import reverse
from django.utils import translation

from center.core.links import absolute, reverse_or_empty


def newsletter_url(name: str, *, language: str, **kwargs) -> str:
    with translation.override(language):
        return absolute(reverse(f"newsletter:{name}", kwargs=kwargs))


def signup_page_url() -> str:
    # "" while no page carries the newsletter apphook (the sign-up plugin then hides).
    return reverse_or_empty("newsletter:signup")
