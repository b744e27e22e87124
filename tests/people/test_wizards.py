from cms.wizards.wizard_base import entry_choices, get_entries

from center.people.cms_wizards import speaker_wizard
from center.people.models import Person
from tests.support.cms import wizard_submit


def test_new_speaker_is_offered_to_staff_who_may_add_people(db, staff_user, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)

    assert speaker_wizard in get_entries()
    assert "New speaker" in [str(title) for _id, title in entry_choices(staff_user, None)]
    assert speaker_wizard.id not in [entry for entry, _title in entry_choices(clerk, None)]


def test_wizard_creates_the_speaker_in_the_editors_language(client, staff_user):
    client.force_login(staff_user)

    response = wizard_submit(client, speaker_wizard, language="zh-hans", data={
        "name": "季卫东", "slug": "ji-weidong", "short_bio": "法学教授。"})

    person = Person.objects.get()
    assert person.slug == "ji-weidong"
    assert list(person.get_available_languages()) == ["zh-hans"]
    assert person.safe_translation_getter("short_bio", language_code="zh-hans") == "法学教授。"
    assert f"/zh-hans/admin/people/person/{person.pk}/change/?language=zh-hans" in (
        response.content.decode())


def test_wizard_makes_a_free_slug_when_none_is_given(client, staff_user):
    Person.objects.create(slug="ji-weidong", name="Ji Weidong")
    client.force_login(staff_user)

    wizard_submit(client, speaker_wizard, language="en",
                  data={"name": "Ji Weidong", "slug": "", "short_bio": ""})
    wizard_submit(client, speaker_wizard, language="en",
                  data={"name": "季卫东", "slug": "", "short_bio": ""})

    assert sorted(Person.objects.values_list("slug", flat=True)) == [
        "ji-weidong", "ji-weidong-2", "speaker"]


def test_wizard_refuses_a_slug_that_is_taken(client, staff_user):
    Person.objects.create(slug="ji-weidong", name="Ji Weidong")
    client.force_login(staff_user)

    response = wizard_submit(client, speaker_wizard, language="en",
                             data={"name": "Someone Else", "slug": "ji-weidong", "short_bio": ""})

    assert "already exists" in response.content.decode()
    assert Person.objects.count() == 1
