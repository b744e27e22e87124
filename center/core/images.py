"""Responsive image renditions written once, when an image changes, never per request.

A rendition set is a JSON-friendly dict: {"webp": [{"url", "width"}...], "jpeg": [...],
"width": W, "height": H}, where W x H is the size the <img> element declares so the page
reserves the space before the picture arrives (no layout shift)."""

import hashlib
import logging
from io import BytesIO
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)

# Raster formats browsers show and Pillow decodes safely. Not SVG (it can carry script and
# Pillow cannot read it) and never EPS (Pillow runs Ghostscript for it).
ACCEPTED_FORMATS = ("JPEG", "PNG", "GIF", "WEBP")
UNREADABLE_MESSAGE = _("This file is not an image we can show: upload a JPEG, PNG, GIF or "
                       "WebP picture.")
# What Pillow raises on a file it cannot identify, a damaged or truncated one, or a bomb.
UNREADABLE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, Image.DecompressionBombError)

RENDITION_FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 6}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}


def image_check(stream: BinaryIO) -> None:
    """Raises ValidationError unless `stream` is a JPEG, PNG, GIF or WebP that Pillow decodes
    whole: judged by its content, not its name. A truncated file passes Image.open (and, for
    JPEG, verify), so the pixels are decoded too. Past MAX_IMAGE_PIXELS Pillow only warns;
    here that is a refusal, as for a decompression bomb."""
    try:
        stream.seek(0)
        with Image.open(stream, formats=ACCEPTED_FORMATS) as picture:
            width, height = picture.size
            if Image.MAX_IMAGE_PIXELS and width * height > Image.MAX_IMAGE_PIXELS:
                raise ValueError("too many pixels")
            picture.verify()  # checksums (PNG chunks); the picture is unusable after it
        stream.seek(0)
        with Image.open(stream, formats=ACCEPTED_FORMATS) as picture:
            picture.load()
    except UNREADABLE_ERRORS:
        raise ValidationError(UNREADABLE_MESSAGE, code="image_unreadable") from None
    finally:
        stream.seek(0)


def filer_image_validate(value) -> None:
    """Model-field validator for a FilerImageField: every form that sets the field (admin,
    wizard, plugin, the filer picker) refuses a file Pillow cannot show. filer itself files an
    SVG, or any upload named .png, as an Image whatever its bytes."""
    from filer.models import File  # filer's models need the app registry

    file = value if isinstance(value, File) else File.objects.filter(pk=value).first()
    if file is None:
        return  # the foreign key's own check reports a missing row
    try:
        with file.file.open("rb") as stream:
            image_check(stream)
    except (FileNotFoundError, ValueError):  # ValueError: the row names no file at all
        raise ValidationError(UNREADABLE_MESSAGE, code="image_unreadable") from None


NO_ALT_MESSAGE = _("This image has no alt text. Open it in the media library, describe what it "
                   "shows in “Default alt text” and save, then choose it here again.")


def filer_image_alt_validate(value) -> None:
    """For a field whose picture is shown with the image's own alt text (a story's main
    image): refuses a picture that has none, so no page shows a picture screen readers skip.
    Portraits and covers need no such check: their alt text is the person's name or the
    paper's title."""
    from filer.models import Image as FilerImage

    image = value if isinstance(value, FilerImage) else FilerImage.objects.filter(pk=value).first()
    if image is not None and not (image.default_alt_text or "").strip():
        raise ValidationError(NO_ALT_MESSAGE, code="image_without_alt")


def _flatten_to_rgb(image: Image.Image) -> Image.Image:
    image = ImageOps.exif_transpose(image)
    if image.mode == "RGB":
        return image
    # JPEG has no alpha channel: flatten transparent pictures onto white.
    rgba = image.convert("RGBA")
    background = Image.new("RGB", image.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def _centering(image: Image.Image, subject_location: str | None) -> tuple[float, float]:
    # Keep the subject the editor marked in filer inside the crop.
    if not subject_location:
        return (0.5, 0.5)
    try:
        x, y = (float(v) for v in subject_location.split(","))
    except ValueError:
        return (0.5, 0.5)
    return (min(max(x / image.width, 0), 1), min(max(y / image.height, 0), 1))


def delete_stale_files(folder: str, keep: set[str]) -> None:
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        if folder + name not in keep:
            default_storage.delete(folder + name)


def write_renditions(*, data: bytes, folder: str, widths: tuple[int, ...], aspect: tuple[int, int],
                     display_width: int, subject_location: str | None = None) -> dict:
    """Crops the picture to `aspect` (w, h) and saves WebP and JPEG copies at each width
    under `folder`, removing older copies there. Returns the rendition set. Raises
    ValidationError if the data is not a picture image_check accepts."""
    digest = hashlib.sha256(data).hexdigest()[:12]  # a new picture gets new URLs
    image_check(BytesIO(data))
    with Image.open(BytesIO(data), formats=ACCEPTED_FORMATS) as source:
        source.load()
        image = _flatten_to_rgb(source)
    ratio_w, ratio_h = aspect
    renditions: dict = {key: [] for key in RENDITION_FORMATS}
    saved_names: set[str] = set()
    for width in widths:
        height = round(width * ratio_h / ratio_w)
        resized = ImageOps.fit(image, (width, height), Image.Resampling.LANCZOS,
                               centering=_centering(image, subject_location))
        for key, (pil_format, options) in RENDITION_FORMATS.items():
            buffer = BytesIO()
            resized.save(buffer, pil_format, **options)
            name = f"{folder}{digest}-{width}.{'jpg' if key == 'jpeg' else key}"
            if default_storage.exists(name):
                default_storage.delete(name)
            saved = default_storage.save(name, ContentFile(buffer.getvalue()))
            saved_names.add(saved)
            renditions[key].append({"url": default_storage.url(saved), "width": width})
    delete_stale_files(folder, keep=saved_names)
    renditions["width"] = display_width
    renditions["height"] = round(display_width * ratio_h / ratio_w)
    renditions["digest"] = digest
    return renditions


def write_renditions_or_none(*, data: bytes, folder: str, what: str, **options) -> dict:
    """write_renditions for a picture stored before it was checked (or changed behind the
    field's back): an unreadable one gets no renditions ({}, and nothing is written), so
    pages show their fallback instead of failing, and the problem is logged for editors."""
    try:
        return write_renditions(data=data, folder=folder, **options)
    except ValidationError:
        logger.warning("%s is not an image we can show; shown without a picture", what)
        return {}
