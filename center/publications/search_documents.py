"""What the site search indexes of the whitepapers (found by center.search's discovery): one
document per language a visible paper is written in."""

from django.db.models import QuerySet
from django.urls import NoReverseMatch

from .models import Whitepaper, WhitepaperAuthor

KIND = "whitepaper"
# The translation model too: editing only a title saves just that row.
WATCH_MODELS = [Whitepaper, Whitepaper._parler_meta.root_model, WhitepaperAuthor]


def searchable_objects() -> QuerySet:
    return Whitepaper.objects.published().prefetch_related(
        "translations", "authorships__person__translations")


def _is_visible(whitepaper: Whitepaper) -> bool:
    return Whitepaper.objects.published().filter(pk=whitepaper.pk).exists()


def documents_for(obj: Whitepaper) -> list[dict]:
    if not _is_visible(obj):
        return []
    documents = []
    for translated in obj.translations.all():
        language = translated.language_code
        try:
            url = obj.get_absolute_url(language)
        except NoReverseMatch:  # the whitepapers page is not set up: nothing to link to
            return []
        authors = ", ".join(
            person.safe_translation_getter("name", language_code=language, any_language=True)
            or person.slug for person in obj.ordered_authors())
        body = "\n\n".join(part for part in (translated.subtitle, translated.abstract, authors)
                           if part)
        documents.append({"language": language, "title": translated.title, "body": body,
                          "url": url})
    return documents
