"""The front of the page cache (center/core/front_cache.py): a stored public page is
answered before the rest of Django runs, and only to visitors it was meant for."""

import gzip

import pytest
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from center.core import front_cache

pytestmark = pytest.mark.usefixtures("demo_pages")

PAGE = "/en/about-us/ethical-and-responsible-ai/"


def _get(client, path=PAGE, **meta):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **meta)
    return response, len(queries)


def test_a_stored_page_is_answered_without_the_database_by_any_process():
    first, rendered = _get(Client())
    front_cache._local.clear()  # another process: only the shared cache has it
    second, queries = _get(Client())
    third, local_queries = _get(Client())
    assert rendered > 0 and queries == 0 and local_queries == 0
    assert first.content == second.content == third.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_gzip_and_plain_are_stored_apart():
    zipped, _ = _get(Client(), HTTP_ACCEPT_ENCODING="gzip")
    plain, _ = _get(Client())
    zipped_again, queries = _get(Client(), HTTP_ACCEPT_ENCODING="gzip, br")
    assert "Content-Encoding" not in plain and b"</html>" in plain.content
    assert zipped_again["Content-Encoding"] == "gzip" and queries == 0
    assert gzip.decompress(zipped_again.content) == plain.content


def test_staff_and_visitors_with_messages_never_get_the_stored_page(staff_user):
    _get(Client())  # stored for visitors
    staff = Client()
    staff.force_login(staff_user)
    assert "cms-toolbar" in _get(staff, PAGE + "?toolbar_on")[0].content.decode()
    assert "cms-toolbar" in _get(staff)[0].content.decode()

    request = RequestFactory().get("/")
    storage = CookieStorage(request)
    storage.add(20, "Thank you for signing up.")
    carrier = Client().get("/robots.txt")  # any response to carry the cookie
    storage.update(carrier)
    _get(Client(), "/en/")  # stored for visitors
    visitor = Client()
    visitor.cookies["messages"] = carrier.cookies["messages"].value
    # Public pages show no messages today; a page that does must not be served stored.
    assert _get(visitor, "/en/")[1] > 0


def test_a_refused_host_is_refused_even_for_a_stored_page(settings):
    settings.ALLOWED_HOSTS = ["testserver"]
    _get(Client())
    assert Client().get(PAGE, headers={"Host": "evil.example"}).status_code == 400


def test_form_pages_and_errors_are_never_stored():
    # The trial form is stored only as a template, filled in per visitor: test_form_page.py.
    for path in ("/en/newsletter/", "/en/no-such-page/"):
        _get(Client(), path)
        assert _get(Client(), path)[1] > 0, path


def test_a_visitor_who_has_the_stored_page_gets_a_304():
    etag = _get(Client())[0]["ETag"]
    response, queries = _get(Client(), HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304 and response.content == b"" and queries == 0
    assert _get(Client(), HTTP_IF_NONE_MATCH='"another"')[0].status_code == 200
