"""Public speakers for site search: name, titles, affiliations and short bio per language."""

from django.utils import translation

from .models import Organisation, Person, Position

KIND = "person"
WATCH_MODELS = [Person, Position, Organisation]


def searchable_objects():
    return Person.objects.public().prefetch_related(
        "translations", "positions__translations", "positions__organisation__translations")


def documents_for(person: Person) -> list[dict]:
    documents = []
    for person_translation in person.translations.all():
        language = person_translation.language_code
        positions = [" ".join(filter(None, [
            p.safe_translation_getter("title", language_code=language, any_language=True),
            p.organisation.safe_translation_getter("name", language_code=language,
                                                   any_language=True),
        ])) for p in person.positions.all()]
        body = " ".join([person_translation.honorific, *positions, person_translation.short_bio])
        with translation.override(language):
            url = person.get_absolute_url()
        documents.append({"language": language, "title": person_translation.name,
                          "body": " ".join(body.split()), "url": url})
    return documents
