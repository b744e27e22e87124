"""Responsive image renditions written once, when an image changes, never per request.

A rendition set is a JSON-friendly dict: {"webp": [{"url", "width"}...], "jpeg": [...],
"width": W, "height": H}, where W x H is the size the <img> element declares so the page
reserves the space before the picture arrives (no layout shift)."""

import hashlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

RENDITION_FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 6}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}


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
    under `folder`, removing older copies there. Returns the rendition set."""
    digest = hashlib.sha256(data).hexdigest()[:12]  # a new picture gets new URLs
    with Image.open(BytesIO(data)) as source:
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
