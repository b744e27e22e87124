"""What we accept as a whitepaper's PDF, and the facts shown about it on the page."""

import hashlib
import logging
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader

PDF_MAGIC = b"%PDF-"
CHUNK = 1024 * 1024

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PdfFacts:
    sha256: str
    size: int
    pages: int | None


def pdf_check(stream: BinaryIO, *, size: int, max_bytes: int) -> None:
    """Refuses anything that is not a PDF by its first bytes (a renamed .docx or image
    keeps its own bytes), or that is larger than `max_bytes`."""
    if size > max_bytes:
        raise ValidationError(
            _("This file is %(size)s; whitepaper PDFs may be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(max_bytes)},
            code="pdf_too_big",
        )
    stream.seek(0)
    if stream.read(len(PDF_MAGIC)) != PDF_MAGIC:
        raise ValidationError(
            _("This file is not a PDF (whatever its name says). Please choose a PDF file."),
            code="not_pdf",
        )


def pdf_page_count(stream: BinaryIO) -> int | None:
    try:
        reader = PdfReader(stream)
        if reader.is_encrypted:
            reader.decrypt("")
        return len(reader.pages)
    except Exception:  # pypdf raises many kinds of error on odd files; pages are a nicety
        logger.warning("Could not count the pages of a whitepaper PDF", exc_info=True)
        return None


def pdf_digest(stream: BinaryIO) -> tuple[str, int]:
    """The SHA-256 (hex) and size of the whole stream, read in chunks: a 50 MB file is never
    held in memory."""
    stream.seek(0)
    digest, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    stream.seek(0)
    return digest.hexdigest(), size


def pdf_facts(stream: BinaryIO) -> PdfFacts:
    sha256, size = pdf_digest(stream)
    return PdfFacts(sha256=sha256, size=size, pages=pdf_page_count(stream))
