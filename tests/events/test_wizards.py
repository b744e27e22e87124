from cms.wizards.wizard_base import entry_choices, get_entries
from django.contrib.admin.models import ADDITION, LogEntry

from center.events.cms_wizards import event_wizard
from center.events.models import Event
from tests.support.cms import wizard_submit

WHEN = {"start": "2030-03-26T09:00", "end": "2030-03-26T12:00"}


def test_new_event_is_offered_to_staff_who_may_add_events(db, staff_user, django_user_model):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)

    assert event_wizard in get_entries()
    assert "New event" in [str(title) for _id, title in entry_choices(staff_user, None)]
    assert event_wizard.id not in [entry for entry, _title in entry_choices(clerk, None)]


def test_wizard_creates_a_draft_in_the_editors_language(client, demo_pages, staff_user):
    client.force_login(staff_user)

    response = wizard_submit(client, event_wizard, language="zh-hans", data={
        "title": "人工智能与法律", "slug": "", "summary": "一场研讨会。", **WHEN})

    event = Event.objects.get()
    assert event.status == Event.Status.DRAFT
    assert list(event.get_available_languages()) == ["zh-hans"]
    assert event.safe_translation_getter("title", language_code="zh-hans") == "人工智能与法律"
    assert event.slug == "event-2030-03-26"  # Chinese titles give no slug: the date does
    assert event.start.isoformat() == "2030-03-26T01:00:00+00:00"  # entered in Shanghai time
    assert f"/zh-hans/admin/events/event/{event.pk}/change/?language=zh-hans" in (
        response.content.decode())
    assert LogEntry.objects.get(object_id=str(event.pk)).action_flag == ADDITION
    client.logout()
    assert client.get(f"/zh-hans/events/{event.slug}/").status_code == 404


def test_wizard_slugs_from_the_title_and_never_repeats_one(client, staff_user):
    client.force_login(staff_user)
    for _ in range(2):
        wizard_submit(client, event_wizard, language="en",
                      data={"title": "AI and Law", "slug": "", "summary": "", **WHEN})

    assert sorted(Event.objects.values_list("slug", flat=True)) == ["ai-and-law", "ai-and-law-2"]
    assert Event.objects.language("en").get(slug="ai-and-law").title == "AI and Law"


def test_wizard_refuses_an_event_that_ends_before_it_starts(client, staff_user):
    client.force_login(staff_user)

    response = wizard_submit(client, event_wizard, language="en", data={
        "title": "Backwards", "slug": "", "summary": "",
        "start": "2030-03-26T12:00", "end": "2030-03-26T09:00"})

    assert "An event cannot end before it starts." in response.content.decode()
    assert not Event.objects.exists()
