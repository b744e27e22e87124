from django.db.models import Model
from django.utils.text import slugify


def unique_slug(model: type[Model], text: str, *, fallback: str) -> str:
    """A free slug for `model` made from `text`: "ai-and-law", else "ai-and-law-2", ….
    Chinese text has no ASCII letters for slugify to keep, so `fallback` is used then."""
    base = slugify(text)[:100] or slugify(fallback)[:100]
    taken = set(model.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug
