import hashlib
import logging
import os
from datetime import date

from django.conf import settings
from django.contrib.admin.models import ADDITION
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import File as StoredFile
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from filer.models import File

from center.core.audit import audit_log
from center.core.images import write_renditions_or_none
from center.core.slugs import unique_slug

from .covers import cover_png
from .models import Whitepaper
from .pdfs import pdf_check, pdf_digest, pdf_page_count

COVER_WIDTHS = (160, 320, 640)
COVER_ASPECT = (3, 4)
COVER_DISPLAY_WIDTH = 320  # the img element's width/height attributes
# The SHA-256 of a stored PDF, by what identifies its bytes on disk; a download reads it
# from here instead of hashing 50 MB again (a changed file gets a new key).
DIGEST_CACHE_SECONDS = 7 * 24 * 3600
PROBLEM_BY_CODE = {"not_pdf": Whitepaper.PdfProblem.NOT_PDF,
                   "pdf_too_big": Whitepaper.PdfProblem.TOO_BIG,
                   "pdf_missing": Whitepaper.PdfProblem.MISSING}

logger = logging.getLogger(__name__)


class PdfWithheld(Exception):
    """The paper's PDF may not be served: its last check failed, or its bytes changed."""


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
    whitepaper_pdf_privacy_sync(whitepaper=whitepaper)
    audit_log(obj=whitepaper, user=user, message="Published.")
    return whitepaper


def whitepaper_pdf_privacy_sync(*, whitepaper: Whitepaper) -> None:
    """On S3, a PDF no published paper uses lives in the bucket's private part (signed,
    expiring URLs only); filer moves it when its is_public flag changes. Local disk keeps
    every upload where it is: there the download view is the only way pages reach a PDF."""
    if not settings.MEDIA_S3_ENABLED or not whitepaper.pdf_id:
        return
    file = File.objects.get(pk=whitepaper.pdf_id)
    public = Whitepaper.objects.filter(pdf_id=file.pk, status=Whitepaper.Status.PUBLISHED).exists()
    if file.is_public != public:
        file.is_public = public
        file.save()  # filer copies the object to the other storage and deletes the old one
        whitepaper.pdf = file


@transaction.atomic
def whitepaper_unpublish(*, whitepaper: Whitepaper,
                         user: AbstractBaseUser | None) -> Whitepaper:
    whitepaper.unpublish()
    whitepaper.save(update_fields=["status", "updated_at"])
    whitepaper_pdf_privacy_sync(whitepaper=whitepaper)
    audit_log(obj=whitepaper, user=user, message="Unpublished.")
    return whitepaper


def whitepaper_pdf_replacement_check(*, file: File, upload) -> None:
    """Raises ValidationError when `upload` would replace the content of `file` while a
    whitepaper's PDF is `file`, and is not a PDF within the size cap: the paper's page
    describes the bytes it serves."""
    paper = Whitepaper.objects.filter(pdf_id=file.pk).first()
    if paper is None:
        return
    try:
        pdf_check(upload, size=upload.size, max_bytes=settings.PUBLICATIONS_MAX_PDF_BYTES)
    except ValidationError as error:
        raise ValidationError(
            _("This file is the PDF of the whitepaper “%(title)s”: %(reason)s Nothing was "
              "changed.") % {"title": paper, "reason": " ".join(error.messages)},
            code=error.code,
        ) from None
    finally:
        upload.seek(0)


def whitepaper_pdf_refresh(*, whitepaper: Whitepaper,
                           user: AbstractBaseUser | None = None) -> Whitepaper:
    """Checks the attached PDF again (first bytes, size cap) and records its SHA-256, size
    and page count. A file that fails is withheld from visitors (pdf_problem); the facts of
    the last sound file are kept, and the page stops showing them. Run whenever the file
    behind the paper may have changed, never per request."""
    problem = ""
    if not whitepaper.pdf_id:
        whitepaper.pdf_sha256, whitepaper.pdf_size, whitepaper.pdf_pages = "", None, None
    else:
        try:
            pdf_file_check(file=whitepaper.pdf)
            with whitepaper.pdf.file.open("rb") as stream:
                sha256, size = pdf_digest(stream)
                # The first download then reads no bytes (in a bucket it would fetch them all).
                found = _digest_key(stream, whitepaper.pdf.file.name)
                if found is not None:
                    cache.set(found[0], sha256, DIGEST_CACHE_SECONDS)
                if sha256 != whitepaper.pdf_sha256 or whitepaper.pdf_pages is None:
                    whitepaper.pdf_pages = pdf_page_count(stream)
            whitepaper.pdf_sha256, whitepaper.pdf_size = sha256, size
        except ValidationError as error:
            problem = PROBLEM_BY_CODE.get(error.code, Whitepaper.PdfProblem.NOT_PDF)
        except FileNotFoundError:
            problem = Whitepaper.PdfProblem.MISSING
    if problem and problem != whitepaper.pdf_problem:
        _withheld(whitepaper, problem, user=user)
    elif whitepaper.pdf_problem and not problem:
        audit_log(obj=whitepaper, user=user, message="PDF checked again and served again.")
    whitepaper.pdf_problem = problem
    whitepaper.save(update_fields=["pdf_sha256", "pdf_size", "pdf_pages", "pdf_problem",
                                   "updated_at"])
    whitepaper_pdf_privacy_sync(whitepaper=whitepaper)
    return whitepaper


def _withheld(whitepaper: Whitepaper, problem: str, *, user=None) -> None:
    reason = Whitepaper.PdfProblem(problem).label
    logger.error("Whitepaper %s (%s): PDF withheld from visitors, %s", whitepaper.pk,
                 whitepaper.slug, reason)
    audit_log(obj=whitepaper, user=user, message=f"PDF withheld from visitors: {reason}.")


def whitepapers_pdf_recheck(*, file: File, user: AbstractBaseUser | None = None) -> list:
    """Checks again every whitepaper whose PDF is `file`, after the media library saved it
    (its content may have been replaced while its id stayed)."""
    papers = list(Whitepaper.objects.filter(pdf_id=file.pk))
    for paper in papers:
        paper.pdf = file
        whitepaper_pdf_refresh(whitepaper=paper, user=user)
    return papers


def _digest_key(stream: StoredFile, name: str) -> tuple[str, int] | None:
    """The cache key of the open file's SHA-256, and its size: built from what changes
    whenever the stored bytes do (inode, size and modification time on disk; ETag, size and
    time in a bucket), read from the open file itself so it describes the very bytes about
    to be served. None for a storage that tells neither."""
    try:
        st = os.fstat(stream.fileno())
        signature, size = f"{st.st_dev}:{st.st_ino}:{st.st_size}:{st.st_mtime_ns}", st.st_size
    except (AttributeError, OSError, ValueError):
        found = _object_signature(stream)
        if found is None:
            return None
        signature, size = found
    signature = f"{name}|{signature}"
    return "publications.pdf-sha256." + hashlib.sha256(signature.encode()).hexdigest(), size


def _stored_digest(stream: StoredFile, name: str) -> tuple[str, int]:
    """The SHA-256 and size of the open file, hashed once per change of its bytes (cached
    under _digest_key); a storage that tells nothing is hashed every time."""
    found = _digest_key(stream, name)
    if found is None:
        return pdf_digest(stream)
    key, size = found
    digest = cache.get(key)
    if digest is None:
        digest, _size = pdf_digest(stream)
        cache.set(key, digest, DIGEST_CACHE_SECONDS)
    return digest, size


def _object_signature(stream: StoredFile) -> tuple[str, int] | None:
    """What changes whenever an S3 object's bytes do (its ETag, size and time), from the HEAD
    request django-storages made when it opened it; None on other storages."""
    obj = getattr(getattr(stream, "file", stream), "obj", None)
    if obj is None:
        return None
    return f"{obj.e_tag}:{obj.content_length}:{obj.last_modified.isoformat()}", obj.content_length


def whitepaper_pdf_open(*, whitepaper: Whitepaper) -> StoredFile:
    """The PDF opened for a download, only if its bytes are those whose SHA-256 the page
    shows. Raises PdfWithheld otherwise (and withholds it from then on), FileNotFoundError
    if storage lost it. The hash is cached per stored file, so only the first download
    after a change reads the file twice."""
    if not whitepaper.pdf_available:
        raise PdfWithheld(whitepaper.pdf_problem)
    stream = whitepaper.pdf.file.open("rb")
    try:
        stored = _stored_digest(stream, whitepaper.pdf.file.name)
    except Exception:
        stream.close()
        raise
    if stored != (whitepaper.pdf_sha256, whitepaper.pdf_size):
        stream.close()
        Whitepaper.objects.filter(pk=whitepaper.pk).update(
            pdf_problem=Whitepaper.PdfProblem.CHANGED)
        _withheld(whitepaper, Whitepaper.PdfProblem.CHANGED)
        raise PdfWithheld(Whitepaper.PdfProblem.CHANGED)
    stream.seek(0)
    return stream


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
    title when there is none (or it cannot be read). Skips the work when the picture is
    unchanged, so saving a paper's other fields costs nothing. Run when the paper is saved,
    never per request."""
    data, subject_location = b"", None
    if whitepaper.cover_id:
        try:
            with whitepaper.cover.file.open("rb") as source:
                data = source.read()
            subject_location = whitepaper.cover.subject_location
        except (FileNotFoundError, ValueError):
            logger.warning("The cover of whitepaper %s is missing from storage", whitepaper.pk)
    digest = hashlib.sha256(data).hexdigest()[:12]
    if data and whitepaper.cover_renditions.get("digest") == digest:
        return whitepaper.cover_renditions
    options = {"folder": _cover_folder(whitepaper), "widths": COVER_WIDTHS,
               "aspect": COVER_ASPECT, "display_width": COVER_DISPLAY_WIDTH}
    renditions = {}
    if data:
        renditions = write_renditions_or_none(
            data=data, what=f"The cover of whitepaper {whitepaper.pk}",
            subject_location=subject_location, **options)
    if not renditions:
        data = _generated_cover(whitepaper)
        digest = hashlib.sha256(data).hexdigest()[:12]
        if whitepaper.cover_renditions.get("digest") == digest:
            return whitepaper.cover_renditions
        renditions = write_renditions_or_none(data=data, what="A drawn cover", **options)
    whitepaper.cover_renditions = renditions
    whitepaper.save(update_fields=["cover_renditions", "updated_at"])
    return whitepaper.cover_renditions


def whitepaper_download_record(*, whitepaper: Whitepaper) -> None:
    # One UPDATE in the database: simultaneous downloads never overwrite each other's count.
    Whitepaper.objects.filter(pk=whitepaper.pk).update(download_count=F("download_count") + 1)
