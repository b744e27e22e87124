from django.conf import settings
from django.db.models import QuerySet

from .models import Organisation, Person


def public_people(affiliation_slug: str | None = None) -> QuerySet[Person]:
    # Everything a card or a profile shows is fetched up front, so the number of queries
    # stays the same however many people a page lists.
    people = Person.objects.public().select_related("portrait").prefetch_related(
        "translations",
        "positions__translations",
        "positions__organisation__translations",
    )
    if affiliation_slug:
        people = people.filter(positions__organisation__slug=affiliation_slug).distinct()
    return people


def organisations_with_public_people() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(positions__person__is_public=True)
        .distinct()
        .prefetch_related("translations")
    )


def person_display_language(person: Person, language: str) -> str:
    """The visitor's language when the person is translated into it, else the first
    language (in site order) they are written in, so a profile is never blank."""
    if person.has_translation(language):
        return language
    available = set(person.get_available_languages())
    for code, _name in settings.LANGUAGES:
        if code in available:
            return code
    return language
