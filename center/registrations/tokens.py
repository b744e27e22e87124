"""The signed links in a registrant's emails (no account): cancel, accept a seat offered
from the waitlist, and the check-in code staff scan at the door. Each purpose has its own
salt, so one link cannot be turned into another."""

from django.core import signing

from .models import Registration

CANCEL_SALT = "registrations.cancel"
ACCEPT_SALT = "registrations.accept"
CHECKIN_SALT = "registrations.checkin"


class TokenInvalid(Exception):
    """Not a link we signed (forged, mangled or cut short in an email client)."""


def make_token(registration: Registration, salt: str) -> str:
    return signing.dumps(registration.pk, salt=salt, compress=False)


def read_token(token: str, salt: str) -> Registration:
    try:
        pk = signing.loads(token, salt=salt)
    except signing.BadSignature:
        raise TokenInvalid from None
    registration = Registration.objects.select_related("event").filter(pk=pk).first()
    if registration is None or registration.anonymised_at:
        raise TokenInvalid
    return registration
