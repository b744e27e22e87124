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


@pytest.mark.django_db
def test_a_stray_permission_does_not_open_the_machinery_to_an_editor(client):
    from django.contrib.auth.models import Permission

    from tests.support.users import UserFactory

    editor = UserFactory(username="eddie", group="Editors")
    editor.user_permissions.add(*Permission.objects.filter(codename__in=[
        "view_periodictask", "change_periodictask", "view_site"]))
    client.force_login(editor)
    assert client.get("/en/admin/django_celery_beat/periodictask/").status_code == 403
    assert client.get("/en/admin/sites/site/").status_code == 403
    assert client.get("/en/admin/events/event/").status_code == 200  # their own work opens
    boss = get_user_model().objects.create_superuser("boss", "b@x.example", "pw")
    client.force_login(boss)
    assert client.get("/en/admin/django_celery_beat/periodictask/").status_code == 200


@pytest.mark.django_db
def test_no_staff_group_holds_a_permission_on_the_machinery():
    from django.contrib.auth.models import Group

    from center.urls import TECHNICAL_APPS

    granted = {(group.name, label) for group in Group.objects.all()
               for label in group.permissions.values_list("content_type__app_label", flat=True)}
    assert {group for group, label in granted if label in TECHNICAL_APPS} == set()
    assert {"Editors", "Reviewers", "Newsletter managers"} <= {group for group, _ in granted}
