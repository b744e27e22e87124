import hashlib
from io import BytesIO

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image, ImageOps

from center.core.slugs import unique_slug

from .models import Person

PORTRAIT_WIDTHS = (160, 320, 640)
PORTRAIT_DISPLAY_WIDTH = 320  # the img element's width/height attributes
PORTRAIT_FORMATS = {
    "webp": ("WEBP", {"quality": 80, "method": 6}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}


@transaction.atomic
def person_create(*, language: str, name: str, slug: str = "", short_bio: str = "") -> Person:
    """A new person written in `language`; without a slug one is made from the name."""
    person = Person(slug=slug or unique_slug(Person, name, fallback="speaker"))
    person.set_current_language(language)
    person.name = name
    person.short_bio = short_bio
    person.full_clean()
    person.save()
    return person


def _portrait_folder(person: Person) -> str:
    return f"people/portraits/{person.pk}/"


def _square_crop(image: Image.Image, subject_location: str | None) -> Image.Image:
    image = ImageOps.exif_transpose(image)
    if image.mode != "RGB":
        # JPEG has no alpha channel: flatten transparent portraits onto white.
        rgba = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(rgba, mask=rgba.getchannel("A"))
        image = background
    centering = (0.5, 0.5)
    if subject_location:
        # Keep the face the editor marked in filer inside the square.
        x, y = (float(v) for v in subject_location.split(","))
        centering = (min(max(x / image.width, 0), 1), min(max(y / image.height, 0), 1))
    side = min(image.size)
    return ImageOps.fit(image, (side, side), Image.Resampling.LANCZOS, centering=centering)


def _delete_stale_files(folder: str, keep: set[str]) -> None:
    try:
        _dirs, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        if folder + name not in keep:
            default_storage.delete(folder + name)


def person_portrait_renditions_refresh(*, person: Person) -> dict:
    """Writes square WebP and JPEG copies of the portrait at each width and records their
    URLs on the person. Run when the portrait changes, never while serving a page."""
    folder = _portrait_folder(person)
    renditions: dict = {}
    saved_names: set[str] = set()
    if person.portrait_id:
        with person.portrait.file.open("rb") as source:
            data = source.read()
        # The digest makes a new portrait get new URLs, so cached old copies never linger.
        digest = hashlib.sha256(data).hexdigest()[:12]
        with Image.open(BytesIO(data)) as image:
            image.load()
            square = _square_crop(image, person.portrait.subject_location)
        renditions = {key: [] for key in PORTRAIT_FORMATS}
        for width in PORTRAIT_WIDTHS:
            resized = square.resize((width, width), Image.Resampling.LANCZOS)
            for key, (pil_format, options) in PORTRAIT_FORMATS.items():
                buffer = BytesIO()
                resized.save(buffer, pil_format, **options)
                name = f"{folder}{digest}-{width}.{key if key != 'jpeg' else 'jpg'}"
                if default_storage.exists(name):
                    default_storage.delete(name)
                saved = default_storage.save(name, ContentFile(buffer.getvalue()))
                saved_names.add(saved)
                renditions[key].append({"url": default_storage.url(saved), "width": width})
        renditions["width"] = renditions["height"] = PORTRAIT_DISPLAY_WIDTH
    _delete_stale_files(folder, keep=saved_names)
    person.portrait_renditions = renditions
    person.save(update_fields=["portrait_renditions", "updated_at"])
    return renditions

