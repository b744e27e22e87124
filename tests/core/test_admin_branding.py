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
