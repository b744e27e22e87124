"""Absolute links in registrants' emails (built in a worker, from the Site's address)."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation

from center.core.apphooks import apphook_urls_up_to_date
from center.core.links import absolute

from .models import Registration
from .tokens import ACCEPT_SALT, CANCEL_SALT, CHECKIN_SALT, make_token


def _absolute(name: str, registration: Registration, salt: str) -> str:
    with translation.override(registration.language):
        return absolute(reverse(name, kwargs={"token": make_token(registration, salt)}))


def event_url(event) -> str:
    # The event's address comes from the events apphook: a worker that started before the
    # events page was published must load it first, or the email fails.
    apphook_urls_up_to_date()
    return absolute(event.get_absolute_url())


def cancel_url(registration: Registration) -> str:
    return _absolute("registrations:cancel", registration, CANCEL_SALT)


def accept_url(registration: Registration) -> str:
    return _absolute("registrations:accept", registration, ACCEPT_SALT)


def checkin_url(registration: Registration) -> str:
    """Empty while the check-in page is not installed: the email then leaves the line out
    rather than the whole email failing."""
    try:
        return _absolute("registrations:checkin_code", registration, CHECKIN_SALT)
    except NoReverseMatch:
        return ""
