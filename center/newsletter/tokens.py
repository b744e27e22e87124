"""The signed confirmation link: it names one consent record, so it confirms that sign-up
only, once, and for seven days."""

from django.conf import settings
from django.core import signing

SALT = "newsletter.confirm"


class TokenInvalid(Exception):
    """Forged, damaged or expired."""


def confirmation_token(*, consent_id: int) -> str:
    return signing.dumps(consent_id, salt=SALT, compress=False)


def consent_id_from_token(token: str) -> int:
    try:
        value = signing.loads(token, salt=SALT, max_age=settings.NEWSLETTER_CONFIRM_MAX_AGE_SECONDS)
    except (signing.BadSignature, ValueError):  # SignatureExpired is a BadSignature
        raise TokenInvalid from None
    if not isinstance(value, int):
        raise TokenInvalid
    return value
