"""Signed values the public pages hand out: the applicant's status link, the thank-you
page's reference, and the form's start time (the minimum fill time)."""

import time
from datetime import timedelta

from django.core import signing

from .models import TrialApplication

STATUS_SALT = "trials.status"
STATUS_MAX_AGE = timedelta(days=90)
THANKS_SALT = "trials.thanks"
THANKS_MAX_AGE = timedelta(hours=1)
STARTED_SALT = "trials.form-started"
STARTED_MAX_AGE = timedelta(days=1)


class TokenInvalid(Exception):
    """Not a token we signed (forged, mangled or cut short in an email client)."""


class TokenExpired(Exception):
    """Signed by us, but too old to use."""


def _load(token: str, *, salt: str, max_age: timedelta):
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired:
        raise TokenExpired from None
    except (signing.BadSignature, ValueError, TypeError, UnicodeError):
        raise TokenInvalid from None


def _application(value) -> TrialApplication:
    # [pk, reference]: the reference makes a token for a deleted-and-reused pk worthless.
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[0], int)):
        raise TokenInvalid
    application = TrialApplication.objects.filter(pk=value[0], reference=value[1]).first()
    if application is None:
        raise TokenInvalid
    return application


def status_token(application: TrialApplication) -> str:
    return signing.dumps([application.pk, application.reference], salt=STATUS_SALT)


def application_for_status_token(token: str) -> TrialApplication:
    return _application(_load(token, salt=STATUS_SALT, max_age=STATUS_MAX_AGE))


def thanks_token(application: TrialApplication) -> str:
    return signing.dumps([application.pk, application.reference], salt=THANKS_SALT)


def application_for_thanks_token(token: str) -> TrialApplication:
    return _application(_load(token, salt=THANKS_SALT, max_age=THANKS_MAX_AGE))


def started_token(now: float | None = None) -> str:
    return signing.dumps(now if now is not None else time.time(), salt=STARTED_SALT)


def seconds_since_started(token: str) -> float:
    """How long ago the form was shown; raises TokenInvalid/TokenExpired."""
    started = _load(token, salt=STARTED_SALT, max_age=STARTED_MAX_AGE)
    if not isinstance(started, (int, float)):
        raise TokenInvalid
    return time.time() - started
