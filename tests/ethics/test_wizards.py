from cms.wizards.wizard_base import entry_choices, get_entries

from center.ethics.cms_wizards import version_wizard
from center.ethics.models import CodeVersion
from tests.support.cms import wizard_submit


def test_new_version_is_offered_to_staff_who_may_add_versions(db, staff_user,
                                                              django_user_model):
    clerk = django_user_model.objects.create_user("clerk", is_staff=True)

    assert version_wizard in get_entries()
    assert "New Code of Ethics version" in [str(t) for _id, t in entry_choices(staff_user, None)]
    assert version_wizard.id not in [entry for entry, _title in entry_choices(clerk, None)]


def test_wizard_drafts_a_copy_of_the_version_in_force(client, demo_pages, staff_user,
                                                      code_1_0):
    client.force_login(staff_user)

    response = wizard_submit(client, version_wizard, language="zh-hans", data={"label": ""})

    draft = CodeVersion.objects.get(label="1.1")
    assert draft.is_draft and draft.principles.count() == 3
    assert f"/zh-hans/admin/ethics/codeversion/{draft.pk}/change/?language=zh-hans" in (
        response.content.decode())
    client.logout()
    assert client.get("/en/code-of-ethics/v/1.1/").status_code == 404


def test_wizard_explains_that_there_is_nothing_to_copy_yet(client, staff_user):
    client.force_login(staff_user)
    response = wizard_submit(client, version_wizard, language="en", data={"label": "1.0"})
    assert "No version is in force yet, so there is nothing to copy" in response.content.decode()
    assert not CodeVersion.objects.exists()
