"""What the site search indexes of the Code: each principle of the version in force, once per
language. Pure functions center/search finds by discovery (sources.py)."""

from django.conf import settings
from django.db.models import QuerySet

from .links import code_url
from .models import CodeVersion, Principle, Section

KIND = "principle"
MORE_SOURCE_MODULES = ["search_documents_code"]  # the Code as a whole, a kind of its own
# Publishing a version changes which principles are visible, so versions count too.
WATCH_MODELS = [CodeVersion, Section, Principle]


def searchable_objects() -> QuerySet:
    """The principles visitors can read on the Code page."""
    return (Principle.objects.filter(version__status=CodeVersion.Status.IN_FORCE)
            .select_related("version").prefetch_related("translations")
            .order_by("order", "number"))


def documents_for(obj) -> list[dict]:
    if not isinstance(obj, Principle) or not obj.version.is_in_force:
        return []
    documents = []
    translations = {t.language_code: t for t in obj.translations.all()}
    for language, _name in settings.LANGUAGES:
        translation = translations.get(language)
        page = code_url(language)
        if translation is None or not page:
            continue
        body = "\n\n".join(text for text in (translation.text, translation.commentary) if text)
        documents.append({"language": language, "title": translation.title, "body": body,
                          "url": f"{page}#{obj.anchor}"})
    return documents
