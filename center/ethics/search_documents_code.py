"""What the site search indexes of the Code as a whole: the version in force, its title and
preamble, once per language. Same interface as search_documents.py."""

from django.conf import settings
from django.db.models import QuerySet

from .links import code_url
from .models import CodeVersion

KIND = "code"
WATCH_MODELS = [CodeVersion]


def searchable_objects() -> QuerySet:
    return CodeVersion.objects.in_force().prefetch_related("translations")


def documents_for(obj) -> list[dict]:
    if not isinstance(obj, CodeVersion) or not obj.is_in_force:
        return []
    documents = []
    translations = {t.language_code: t for t in obj.translations.all()}
    for language, _name in settings.LANGUAGES:
        translation = translations.get(language)
        page = code_url(language)
        if translation is None or not page:
            continue
        documents.append({"language": language, "title": translation.title,
                          "body": translation.preamble, "url": page})
    return documents
