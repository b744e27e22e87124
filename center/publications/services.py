import hashlib
from datetime import date

from django.conf import settings
from django.contrib.admin.models import ADDITION
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from filer.models import File
from PIL import Image as PILImage

from center.core.audit import audit_log
from center.core.images import write_renditions
from center.core.slugs import unique_slug

from .covers import cover_png
from .models import Whitepaper
from .pdfs import pdf_check, pdf_facts

COVER_WIDTHS = (160, 320, 640)
COVER_ASPECT = (3, 4)
COVER_DISPLAY_WIDTH = 320  # the img element's width/height attributes


def pdf_file_check(*, file: File) -> None:
    """Raises ValidationError unless the media-library file is a PDF within the size cap."""
    try:
        with file.file.open("rb") as stream:
            pdf_check(stream, size=file.file.size,
                      max_bytes=settings.PUBLICATIONS_MAX_PDF_BYTES)
    except FileNotFoundError:
        raise ValidationError(_("This file is missing from the media library's storage."),
                              code="pdf_missing") from None


@transaction.atomic
def whitepaper_create(*, language: str, title: str, publication_date: date, slug: str = "",
                      subtitle: str = "", abstract: str = "",
                      user: AbstractBaseUser | None = None) -> Whitepaper:
    """A new draft written in `language`; without a slug one is made from the title."""
    fallback = f"whitepaper-{publication_date:%Y-%m}"  # for titles with no Latin letters
    whitepaper = Whitepaper(slug=slug or unique_slug(Whitepaper, title, fallback=fallback),
                            publication_date=publication_date, pdf_language=language)
    whitepaper.set_current_language(language)
    whitepaper.title = title
    whitepaper.subtitle = subtitle
    whitepaper.abstract = abstract
    whitepaper.full_clean()
    whitepaper.save()
    whitepaper_cover_refresh(whitepaper=whitepaper)
    audit_log(obj=whitepaper, user=user, message="Created as a draft.",
              action_flag=ADDITION)
    return whitepaper


@transaction.atomic
def whitepaper_publish(*, whitepaper: Whitepaper, user: AbstractBaseUser | None) -> Whitepaper:
    """Make a draft visible (from its "visible from" time, else now). Raises
    WhitepaperStatusError if it is already published."""
    whitepaper.publish()
    whitepaper.save(update_fields=["status", "published_at", "updated_at"])
    audit_log(obj=whitepaper, user=user, message="Published.")
    return whitepaper


@transaction.atomic
def whitepaper_unpublish(*, whitepaper: Whitepaper,
                         user: AbstractBaseUser | None) -> Whitepaper:
    whitepaper.unpublish()
    whitepaper.save(update_fields=["status", "updated_at"])
    audit_log(obj=whitepaper, user=user, message="Unpublished.")
    return whitepaper


def whitepaper_pdf_refresh(*, whitepaper: Whitepaper) -> Whitepaper:
    """Records the PDF's SHA-256, size and page count, read once when it is attached."""
    if whitepaper.pdf_id:
        with whitepaper.pdf.file.open("rb") as stream:
            facts = pdf_facts(stream)
        whitepaper.pdf_sha256, whitepaper.pdf_size = facts.sha256, facts.size
        whitepaper.pdf_pages = facts.pages
    else:
        whitepaper.pdf_sha256, whitepaper.pdf_size, whitepaper.pdf_pages = "", None, None
    whitepaper.save(update_fields=["pdf_sha256", "pdf_size", "pdf_pages", "updated_at"])
    return whitepaper


def _cover_folder(whitepaper: Whitepaper) -> str:
    return f"publications/covers/{whitepaper.pk}/"


def _generated_cover(whitepaper: Whitepaper) -> bytes:
    # Drawn in the PDF's own language: the cover stands for the document.
    language = whitepaper.pdf_language

    def text(name: str) -> str:
        return whitepaper.safe_translation_getter(name, language_code=language,
                                                  any_language=True) or ""

    return cover_png(title=text("title") or whitepaper.slug, subtitle=text("subtitle"),
                     issuer=text("issuing_body"), year=str(whitepaper.publication_date.year))


def whitepaper_cover_refresh(*, whitepaper: Whitepaper) -> dict:
    """Writes 3:4 WebP and JPEG renditions of the uploaded cover, or of one drawn from the
    title when there is none. Skips the work when the picture is unchanged, so saving a
    paper's other fields costs nothing. Run when the paper is saved, never per request."""
    if whitepaper.cover_id:
        with whitepaper.cover.file.open("rb") as source:
            data = source.read()
        subject_location = whitepaper.cover.subject_location
    else:
        data, subject_location = _generated_cover(whitepaper), None
    digest = hashlib.sha256(data).hexdigest()[:12]
    if whitepaper.cover_renditions.get("digest") == digest:
        return whitepaper.cover_renditions
    whitepaper.cover_renditions = write_renditions(
        data=data, folder=_cover_folder(whitepaper), widths=COVER_WIDTHS, aspect=COVER_ASPECT,
        display_width=COVER_DISPLAY_WIDTH, subject_location=subject_location,
    )
    whitepaper.save(update_fields=["cover_renditions", "updated_at"])
    return whitepaper.cover_renditions


def whitepaper_download_record(*, whitepaper: Whitepaper) -> None:
    # One UPDATE in the database: simultaneous downloads never overwrite each other's count.
    Whitepaper.objects.filter(pk=whitepaper.pk).update(download_count=F("download_count") + 1)


def cover_file_check(*, image) -> None:
    """Raises ValidationError unless the chosen cover opens as a picture (renditions are
    made from it on save, and a broken file must be refused here, not fail there)."""
    try:
        with image.file.open("rb") as stream, PILImage.open(stream) as picture:
            picture.verify()
    except (OSError, SyntaxError, ValueError):
        raise ValidationError(_("This cover image cannot be read. Please choose a JPEG, PNG "
                                "or WebP picture."), code="cover_unreadable") from None
