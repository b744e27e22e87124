"""Signed values the public pages hand out: the applicant's status link, the thank-you
page's reference, and the form's start token (when the form was shown, for the minimum fill
time; short-lived and single-use, so one token cannot be replayed to file many)."""

import secrets
import time
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from center.core.cache import CONNECTION_ERRORS, cache_is_down

from .models import TrialApplication

STATUS_SALT = "trials.status"
STATUS_MAX_AGE = timedelta(days=90)
THANKS_SALT = "trials.thanks"
THANKS_MAX_AGE = timedelta(hours=1)
STARTED_SALT = "trials.form-started"


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


@dataclass(frozen=True)
class FormStart:
    shown_at: float  # time.time() when the form was first shown
    nonce: str

    @property
    def elapsed(self) -> float:
        return time.time() - self.shown_at


def started_token(now: float | None = None) -> str:
    return signing.dumps({"t": now if now is not None else time.time(),
                          "n": secrets.token_urlsafe(12)}, salt=STARTED_SALT)


def form_start(token: str) -> FormStart:
    """The start a form's token carries; raises TokenInvalid, or TokenExpired when the form
    was shown more than TRIALS_FORM_MAX_AGE_SECONDS ago."""
    max_age = settings.TRIALS_FORM_MAX_AGE_SECONDS
    value = _load(token, salt=STARTED_SALT, max_age=timedelta(seconds=max_age))
    if not (isinstance(value, dict) and isinstance(value.get("t"), (int, float))
            and isinstance(value.get("n"), str)):
        raise TokenInvalid
    start = FormStart(shown_at=float(value["t"]), nonce=value["n"])
    if start.elapsed > max_age:
        raise TokenExpired
    return start


# Used nonces of this process, consulted only while the shared cache is down.
_local_used = LocMemCache("trials-form-used", {"OPTIONS": {"MAX_ENTRIES": 20000}})


def form_start_claim(start: FormStart) -> bool:
    """Marks the token used; False when it was used already. Kept as long as the token
    lives, in the shared cache (in this process's memory while that cache is down)."""
    key = f"trials:form-used:{start.nonce}"
    timeout = settings.TRIALS_FORM_MAX_AGE_SECONDS + 60
    if not cache_is_down(cache):
        try:
            added = cache.add(key, 1, timeout)
        except CONNECTION_ERRORS:  # a backend that raises instead of failing soft
            added = None
        if added or (added is False and not cache_is_down(cache)):
            return added
    return _local_used.add(key, 1, timeout)


# How long a used token still leads back to what it filed (a second click, a reload of the POST).
FILED_SECONDS = 600


def _filed_key(start: FormStart) -> str:
    return f"trials:form-filed:{start.nonce}"


def form_start_filed(start: FormStart, application: TrialApplication) -> None:
    """Remembers what this token filed, so a second click on Submit (the same token and
    address again) is shown the same thank-you page instead of an expired form."""
    cache.set(_filed_key(start), [application.email.lower(), thanks_token(application)],
              FILED_SECONDS)


def thanks_token_for_used_start(start: FormStart, email: str, wait: float = 3.0) -> str | None:
    """The thank-you token of the application a used token filed for `email`, or None (a
    replay with other details learns nothing). A double click's second request may arrive
    while the first is still saving: it waits a moment for it."""
    deadline = time.monotonic() + wait
    while not cache_is_down(cache):
        filed = cache.get(_filed_key(start))
        if filed or time.monotonic() >= deadline:
            return filed[1] if filed and filed[0] == email.lower() else None
        time.sleep(0.2)
    return None
