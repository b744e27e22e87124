import pytest
from cms.wizards.wizard_base import entry_choices
from django.contrib.contenttypes.models import ContentType
from djangocms_stories.models import PostContent

from . import factories

pytestmark = pytest.mark.usefixtures("demo_pages")


def test_staff_get_a_new_news_story_wizard(staff_user):
    titles = [str(title) for _id, title in entry_choices(staff_user, None)]
    assert "New News story" in titles


def test_staff_can_open_the_add_and_change_forms(client, staff_user):
    post = factories.story("Editable", slug="editable")
    client.force_login(staff_user)
    assert client.get("/en/admin/djangocms_stories/post/add/?app_config=1").status_code == 200
    response = client.get(f"/en/admin/djangocms_stories/post/{post.pk}/change/?language=en")
    assert response.status_code == 200 and "Editable" in response.content.decode()


def test_staff_preview_shows_a_draft_story_visitors_cannot_see(client, staff_user):
    post = factories.story("Secret plans", slug="secret-plans", publish=False)
    content = PostContent.admin_manager.get(post=post, language="en")
    assert client.get("/en/news/secret-plans/").status_code == 404
    client.force_login(staff_user)
    content_type = ContentType.objects.get_for_model(PostContent)
    response = client.get(
        f"/en/admin/cms/placeholder/object/{content_type.pk}/preview/{content.pk}/")
    assert response.status_code == 200
    assert "Secret plans" in response.content.decode()
