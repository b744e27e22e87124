"""ORCID iDs: 16 characters in four groups, the last a check digit (0-9 or X)."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ORCID_RE = re.compile(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$")
ORCID_URL_PREFIXES = ("https://orcid.org/", "http://orcid.org/", "orcid.org/")


def orcid_normalise(value: str) -> str:
    # Editors usually paste the whole profile address; keep only the iD.
    value = value.strip()
    for prefix in ORCID_URL_PREFIXES:
        if value.lower().startswith(prefix):
            value = value[len(prefix):]
    return value.upper()


def orcid_check_digit(digits: str) -> str:
    # ISO 7064 MOD 11-2, as ORCID specifies; catches most single-digit typos.
    total = 0
    for digit in digits:
        total = (total + int(digit)) * 2
    result = (12 - total % 11) % 11
    return "X" if result == 10 else str(result)


def orcid_validate(value: str) -> None:
    if not ORCID_RE.match(value):
        raise ValidationError(
            _("Enter an ORCID iD in the form 0000-0002-1825-0097 (four groups of four "
              "characters; the last may be X)."),
            code="orcid_format",
        )
    digits = value.replace("-", "")
    if orcid_check_digit(digits[:-1]) != digits[-1]:
        raise ValidationError(
            _("This ORCID iD has a wrong check digit; please copy it again from orcid.org."),
            code="orcid_checksum",
        )


def orcid_url(orcid: str) -> str:
    return f"https://orcid.org/{orcid}" if orcid else ""
