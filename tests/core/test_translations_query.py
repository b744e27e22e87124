"""center.core.i18n.with_translations: a list's translations come with its rows, in one
query, and parler's fallbacks still work for rows missing a language."""

from django.utils import translation

from center.core.i18n import translated, with_translations
from center.people.models import Person, Position
from tests.people.factories import PersonFactory, PositionFactory


def test_names_in_every_language_come_in_the_same_query(db, django_assert_num_queries):
    PositionFactory(person=PersonFactory(name="Ada", zh={"name": "阿达"}),
                    organisation__name="SJTU")
    PersonFactory(name="Only English")
    PersonFactory(only_zh=True, zh={"name": "只有中文"})
    with django_assert_num_queries(1):
        people = list(with_translations(Person.objects.order_by("pk")))
        with translation.override("zh-hans"):
            for person in people:
                person.set_current_language("zh-hans")
            assert [translated(person, "name") for person in people] == [
                "阿达", "Only English", "只有中文"]
        for person in people:
            person.set_current_language("en")
        assert [translated(person, "name") for person in people] == [
            "Ada", "Only English", "只有中文"]
        assert [person.get_available_languages() for person in people] == [
            ["en", "zh-hans"], ["en"], ["zh-hans"]]


def test_translations_of_related_rows_come_along(db, django_assert_num_queries):
    PositionFactory(person=PersonFactory(name="Ada"), organisation__name="SJTU",
                    title="Professor")
    with django_assert_num_queries(1):
        position = with_translations(Position.objects.all(), "organisation").get()
        assert (translated(position, "title"), translated(position.organisation, "name")) == (
            "Professor", "SJTU")
