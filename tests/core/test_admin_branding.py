import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
@pytest.mark.parametrize("language, name", [
    ("en", "Center for Computational Law and AI Ethics Research"),
    ("zh-hans", "计算法学与AI伦理研究中心"),
])
def test_the_admin_shows_the_centers_name_and_logo(client, language, name):
    client.force_login(get_user_model().objects.create_superuser("boss", "b@x.example", "pw"))
    page = client.get(f"/{language}/admin/").content.decode()
    assert name in page and "core/img/logo-mark" in page
    assert "Django administration" not in page and "Django 管理" not in page


@pytest.mark.django_db
def test_editors_do_not_see_technical_sections_and_superusers_do(client):
    from django.contrib.auth.models import Permission

    from tests.support.users import UserFactory

    editor = UserFactory(username="eddie", group="Editors")
    # Even a permission handed out by mistake does not put the machinery in their menu.
    editor.user_permissions.add(Permission.objects.get(codename="view_periodictask"))
    client.force_login(editor)
    page = client.get("/en/admin/").content.decode()
    assert "Periodic tasks" not in page and "Sites" not in page
    client.force_login(get_user_model().objects.create_superuser("boss", "b@x.example", "pw"))
    page = client.get("/en/admin/").content.decode()
    assert "Periodic tasks" in page and "Sites" in page
