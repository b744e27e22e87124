"""Admin sign-in brute force: after AXES_FAILURE_LIMIT wrong passwords a username is locked out
from that address (django-axes), with a translated 429 page, until the cool-off passes or an
administrator resets it. Real sign-ins through the admin's login form, on the real database."""

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command

from tests.support.users import UserFactory

ATTACKER_IP = "203.0.113.7"
OFFICE_IP = "198.51.100.20"
PASSWORD = "secret"  # UserFactory's


def sign_in(client, username, password, *, ip=ATTACKER_IP, language="en"):
    return client.post(f"/{language}/admin/login/?next=/{language}/admin/",
                       {"username": username, "password": password,
                        "next": f"/{language}/admin/"}, REMOTE_ADDR=ip)


def signed_in(response) -> bool:
    return response.status_code == 302 and response["Location"].endswith("/admin/")


def cool_off_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


@pytest.fixture
def editor(db):
    return UserFactory(username="erin", is_superuser=True)


@pytest.fixture
def locked_out(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = sign_in(client, "erin", "wrong-guess")
    return response


def test_wrong_passwords_below_the_limit_still_let_the_owner_in(client, editor):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "erin", "wrong-guess")
        assert response.status_code == 200  # the form again, with Django's own error
    assert signed_in(sign_in(client, "erin", PASSWORD))
    # A success clears the count (AXES_RESET_ON_SUCCESS): the next typo starts from zero.
    client.logout()
    assert not AccessAttempt.objects.filter(username="erin").exists()


def test_the_failure_that_reaches_the_limit_gets_the_lockout_page(locked_out):
    assert locked_out.status_code == 429
    assert "Too many failed sign-in attempts" in locked_out.content.decode()


def test_after_the_limit_even_the_right_password_is_refused_with_a_clear_message(
        client, locked_out):
    response = sign_in(client, "erin", PASSWORD)
    assert response.status_code == 429
    html = response.content.decode()
    assert ("Too many failed sign-in attempts for this account from your network. "
            f"Try again in {cool_off_minutes()} minutes or ask an administrator to unlock it."
            in html)
    assert 'href="/en/admin/login/"' in html
    assert client.get("/en/admin/").status_code == 302  # still not signed in


def test_the_lockout_page_is_in_chinese_on_the_chinese_admin(client, locked_out):
    response = sign_in(client, "erin", PASSWORD, language="zh-hans")
    assert response.status_code == 429
    html = response.content.decode()
    assert f"从您所在的网络登录此账户失败的次数过多。请在 {cool_off_minutes()} 分钟后重试" in html
    assert "Too many failed" not in html
    assert 'href="/zh-hans/admin/login/"' in html


def test_the_lockout_is_per_username_and_address(client, locked_out):
    UserFactory(username="colleague", is_superuser=True)
    # A colleague behind the same address still signs in...
    assert signed_in(sign_in(client, "colleague", PASSWORD))
    client.logout()
    # ...and so does the locked account's owner from another network.
    assert signed_in(sign_in(client, "erin", PASSWORD, ip=OFFICE_IP))


def test_the_address_comes_from_the_projects_client_ip_header(client, editor, settings):
    # Behind a proxy every request comes from the proxy; CLIENT_IP_HEADER names the real one.
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/en/admin/login/", {"username": "erin", "password": "wrong"},
                    REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP=ATTACKER_IP)
    assert AccessAttempt.objects.get(username="erin").ip_address == ATTACKER_IP
    response = client.post("/en/admin/login/?next=/en/admin/",
                           {"username": "erin", "password": PASSWORD, "next": "/en/admin/"},
                           REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP=OFFICE_IP)
    assert signed_in(response)  # same proxy, another visitor: not locked out


def test_an_administrator_unlocks_the_account_in_the_admin(client, locked_out):
    admin_client = type(client)()
    admin_client.force_login(UserFactory(username="root", is_superuser=True))
    changelist = admin_client.get("/en/admin/axes/accessattempt/")
    assert changelist.status_code == 200
    assert "erin" in changelist.content.decode()
    attempt = AccessAttempt.objects.get(username="erin")
    response = admin_client.post("/en/admin/axes/accessattempt/", {
        "action": "delete_selected", "_selected_action": [attempt.pk], "post": "yes"})
    assert response.status_code == 302
    assert signed_in(sign_in(client, "erin", PASSWORD))


def test_an_operator_unlocks_the_account_with_axes_reset(client, locked_out):
    call_command("axes_reset_username", "erin")
    assert signed_in(sign_in(client, "erin", PASSWORD))


def test_axes_reset_unlocks_everyone(client, locked_out):
    call_command("axes_reset")
    assert signed_in(sign_in(client, "erin", PASSWORD))
