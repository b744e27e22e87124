"""DOIs and ISBNs as editors paste them (links, hyphens, "doi:") and as we store them."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/",
                "http://dx.doi.org/", "doi.org/", "doi:")


def doi_normalise(value: str) -> str:
    value = value.strip()
    for prefix in DOI_PREFIXES:
        if value.lower().startswith(prefix):
            return value[len(prefix):].strip()
    return value


def doi_validate(value: str) -> None:
    if not DOI_RE.match(value):
        raise ValidationError(_("Enter a DOI such as 10.1000/xyz123 (a doi.org link is fine)."),
                              code="doi_format")


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}" if doi else ""


def isbn_normalise(value: str) -> str:
    return re.sub(r"[\s-]", "", value).upper()


def _isbn10_ok(isbn: str) -> bool:
    if not re.fullmatch(r"\d{9}[\dX]", isbn):
        return False
    digits = [10 if c == "X" else int(c) for c in isbn]
    return sum((10 - i) * d for i, d in enumerate(digits)) % 11 == 0


def _isbn13_ok(isbn: str) -> bool:
    if not re.fullmatch(r"97[89]\d{10}", isbn):
        return False
    return sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(isbn)) % 10 == 0


def isbn_validate(value: str) -> None:
    # The check digit catches most typos; a wrong ISBN in a citation is hard to notice later.
    if not (_isbn10_ok(value) or _isbn13_ok(value)):
        raise ValidationError(
            _("Enter a valid ISBN-10 or ISBN-13, e.g. 978-3-16-148410-0 (check the last digit)."),
            code="isbn_invalid",
        )
