from cms.wizards.wizard_base import entry_choices, get_entries
from django.contrib.admin.models import ADDITION, LogEntry

from center.publications.cms_wizards import whitepaper_wizard
from center.publications.models import Whitepaper
from tests.support.cms import wizard_submit


def test_new_whitepaper_is_offered_to_staff_who_may_add_papers(db, staff_user,
                                                               django_user_model):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)

    assert whitepaper_wizard in get_entries()
    assert "New whitepaper" in [str(title) for _id, title in entry_choices(staff_user, None)]
    assert whitepaper_wizard.id not in [entry for entry, _title in entry_choices(clerk, None)]


def test_wizard_creates_a_hidden_draft_in_the_editors_language(client, demo_pages, staff_user):
    client.force_login(staff_user)

    response = wizard_submit(client, whitepaper_wizard, language="zh-hans", data={
        "title": "人工智能可持续发展道德规范", "slug": "", "subtitle": "",
        "publication_date": "2021-06-01", "abstract": "摘要。"})

    paper = Whitepaper.objects.get()
    assert paper.status == Whitepaper.Status.DRAFT and paper.slug == "whitepaper-2021-06"
    assert list(paper.get_available_languages()) == ["zh-hans"]
    assert paper.cover_renditions["jpeg"]
    assert f"/zh-hans/admin/publications/whitepaper/{paper.pk}/change/?language=zh-hans" in (
        response.content.decode())
    assert LogEntry.objects.get(object_id=str(paper.pk)).action_flag == ADDITION
    client.logout()
    assert client.get(f"/zh-hans/whitepapers/{paper.slug}/").status_code == 404


def test_wizard_slugs_from_the_title_and_never_repeats_one(client, staff_user):
    client.force_login(staff_user)
    for _ in range(2):
        wizard_submit(client, whitepaper_wizard, language="en", data={
            "title": "AI and Law", "slug": "", "subtitle": "", "abstract": "",
            "publication_date": "2024-01-15"})

    assert sorted(Whitepaper.objects.values_list("slug", flat=True)) == [
        "ai-and-law", "ai-and-law-2"]
