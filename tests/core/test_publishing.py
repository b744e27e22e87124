from cms.api import add_plugin
from cms.models import Page, PageContent
from djangocms_versioning.constants import DRAFT, PUBLISHED
from djangocms_versioning.models import Version

URL = "/en/about-us/"


def _new_draft_with(text: str, user) -> Version:
    page = Page.objects.get(reverse_id="about")
    published = PageContent.objects.get(page=page, language="en")
    draft_version = Version.objects.get_for_content(published).copy(user)
    placeholder = draft_version.content.placeholders.get(slot="content")
    add_plugin(placeholder, "TextPlugin", "en", body=f"<p>{text}</p>")
    return draft_version


def test_a_draft_is_invisible_to_visitors_until_published(client, demo_pages, staff_user):
    before = client.get(URL).content.decode()
    draft = _new_draft_with("A sentence only the draft has.", staff_user)

    assert draft.state == DRAFT
    assert "A sentence only the draft has." not in client.get(URL).content.decode()
    assert client.get(URL).content.decode() == before

    draft.publish(staff_user)

    assert Version.objects.get(pk=draft.pk).state == PUBLISHED
    assert "A sentence only the draft has." in client.get(URL).content.decode()


def test_staff_preview_shows_the_draft(client, demo_pages, staff_user):
    draft = _new_draft_with("Preview me before publishing.", staff_user)
    client.force_login(staff_user)
    preview = f"/en/admin/cms/placeholder/object/{draft.content_type_id}/preview/{draft.object_id}/"
    response = client.get(preview)
    assert response.status_code == 200
    assert "Preview me before publishing." in response.content.decode()
