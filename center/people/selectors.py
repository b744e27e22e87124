from collections.abc import Iterable

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from center.core.i18n import with_translations

from .models import Organisation, Person, Position, SpeakerGrid


def public_people(affiliation_slug: str | None = None) -> QuerySet[Person]:
    # Everything a card or a profile shows is fetched up front, so the number of queries
    # stays the same however many people a page lists.
    positions = with_translations(Position.objects.all(), "organisation")
    people = with_translations(Person.objects.public().select_related("portrait")).prefetch_related(
        Prefetch("positions", queryset=positions))
    if affiliation_slug:
        people = people.filter(positions__organisation__slug=affiliation_slug).distinct()
    return people


def organisations_with_public_people() -> QuerySet[Organisation]:
    return with_translations(
        Organisation.objects.filter(positions__person__is_public=True).distinct())


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


def in_display_language(people: Iterable[Person], language: str) -> list[Person]:
    """The people, each switched to the language their name and titles are shown in."""
    people = list(people)
    for person in people:
        person.set_current_language(person_display_language(person, language))
    return people


def speaker_grid_people(*, grid: SpeakerGrid, language: str) -> list[Person]:
    """The grid's public people in name order (as shown in `language`)."""
    people = in_display_language(public_people().filter(speaker_grids=grid), language)
    return sorted(people, key=lambda person: (str(person).casefold(), person.pk))
