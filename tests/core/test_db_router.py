"""Which database each request reads, with the replica router on. "replica" is the test
database itself here (TEST MIRROR): the queries each connection ran tell where a read went."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.sites.models import Site
from django.db import connections
from django.db.utils import ConnectionHandler
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from center.core import db_router, front_cache
from center.core.db_router import PRIMARY_COOKIE, ReplicaReadsMiddleware, ReplicaRouter
from center.core.page_cache import serves_from_cache
from tests.support.processes import free_port

pytestmark = [pytest.mark.django_db(databases=["default", "replica"]),
              pytest.mark.usefixtures("replica_router")]


@pytest.fixture(scope="module", autouse=True)
def close_replica_connection():
    yield
    # Its own connection to the test database: left open, the database cannot be dropped.
    connections["replica"].close()


@pytest.fixture
def replica_router():
    with override_settings(DATABASE_ROUTERS=["center.core.db_router.ReplicaRouter"]):
        yield


def read_site(request):
    Site.objects.filter(pk=1).exists()
    return HttpResponse("ok")


def write_then_read(request):
    Site.objects.filter(pk=1).update(name="Changed")
    Site.objects.filter(pk=1).exists()
    return HttpResponse("ok")


def raw_write_then_read(request):
    with connections["default"].cursor() as cursor:
        cursor.execute("UPDATE django_site SET name = %s WHERE id = 1", ["Raw"])
    Site.objects.filter(pk=1).exists()
    return HttpResponse("ok")


def served(request, view=read_site):
    """(the aliases the view's reads went to, the response)."""
    with CaptureQueriesContext(connections["default"]) as primary, \
            CaptureQueriesContext(connections["replica"]) as replica:
        response = ReplicaReadsMiddleware(view)(request)
    reads = {alias for alias, queries in (("default", primary), ("replica", replica))
             if any(q["sql"].lstrip().upper().startswith("SELECT") and "django_site" in q["sql"]
                    for q in queries)}
    return reads, response


def test_an_anonymous_visitors_public_page_reads_the_replica():
    reads, response = served(RequestFactory().get("/en/news/"))
    assert reads == {"replica"}
    assert PRIMARY_COOKIE not in response.cookies  # nothing written: still cacheable


def test_head_reads_the_replica_too():
    assert served(RequestFactory().head("/en/"))[0] == {"replica"}


def test_a_form_post_reads_the_primary():
    assert served(RequestFactory().post("/en/newsletter/", {"email": "a@example.org"}))[0] \
        == {"default"}


@pytest.mark.parametrize("cookie", ["sessionid", PRIMARY_COOKIE])
def test_a_signed_in_or_just_written_visitor_reads_the_primary(cookie):
    request = RequestFactory().get("/en/news/")
    request.COOKIES[cookie] = "x"
    assert served(request)[0] == {"default"}


@pytest.mark.parametrize("path", ["/en/admin/", "/en/admin/cms/pagecontent/", "/en/?edit",
                                  "/en/?preview", "/en/news/?toolbar_on", "/en/?structure"])
def test_staff_and_cms_editing_pages_read_the_primary(path):
    assert served(RequestFactory().get(path))[0] == {"default"}


@pytest.mark.parametrize("view", [write_then_read, raw_write_then_read])
def test_a_read_after_a_write_reads_the_primary_and_pins_the_visitor(view):
    reads, response = served(RequestFactory().get("/en/"), view)
    assert reads == {"default"}
    cookie = response.cookies[PRIMARY_COOKIE]
    assert cookie["max-age"] == db_router.PRIMARY_COOKIE_SECONDS
    assert cookie["httponly"]


def test_outside_a_request_everything_reads_the_primary():
    # Celery tasks, management commands and migrations.
    with CaptureQueriesContext(connections["replica"]) as replica:
        Site.objects.filter(pk=1).exists()
    assert not replica.captured_queries
    assert ReplicaRouter().db_for_read(Site) == "default"


def test_migrations_run_only_on_the_primary():
    assert ReplicaRouter().allow_migrate("default", "sites")
    assert not ReplicaRouter().allow_migrate("replica", "sites")


def test_an_unreachable_replica_sends_reads_to_the_primary(monkeypatch):
    replica = connections["replica"]
    unreachable = ({"PORT": str(free_port()), "HOST": "127.0.0.1"}
                   if replica.vendor == "postgresql" else {"NAME": "/nonexistent/dir/db.sqlite3"})
    # The router is handed connections of its own, so the test's connection is left alone.
    settings_dict = {**replica.settings_dict, **unreachable, "TEST": {}}
    monkeypatch.setattr(db_router, "connections", ConnectionHandler(
        {"default": settings_dict, "replica": settings_dict}))
    monkeypatch.setattr(db_router, "_replica_down_until", 0.0)
    reads, response = served(RequestFactory().get("/en/"))
    assert response.status_code == 200
    assert reads == {"default"}
    # Given up for a while: the next request does not wait for the replica again.
    assert db_router._replica_down_until > 0
    assert served(RequestFactory().get("/en/"))[0] == {"default"}


def test_without_a_router_the_middleware_steps_aside():
    from django.core.exceptions import MiddlewareNotUsed
    with override_settings(DATABASE_ROUTERS=[]), pytest.raises(MiddlewareNotUsed):
        ReplicaReadsMiddleware(read_site)


def cached_for_five_minutes(request):
    response = read_site(request)
    response["Cache-Control"] = "max-age=300, public"
    return response


def test_a_page_read_from_the_replica_is_kept_by_caches_only_briefly():
    # It may be older than the content version it is stored under, while the replica lags.
    response = served(RequestFactory().get("/en/"), cached_for_five_minutes)[1]
    assert f"max-age={db_router.REPLICA_PAGE_SECONDS}" in response["Cache-Control"]
    request = RequestFactory().get("/en/")
    request.COOKIES["sessionid"] = "x"
    assert "max-age=300" in served(request, cached_for_five_minutes)[1]["Cache-Control"]


@pytest.mark.parametrize("cookie, passed_through", [("", False), (f"{PRIMARY_COOKIE}=1", True)])
def test_the_page_caches_pass_a_just_written_visitor_through(cookie, passed_through):
    # Their next page (a thank-you or status page) must come from the primary, not a cache.
    request = RequestFactory().get("/en/events/", HTTP_COOKIE=cookie)
    request.user = AnonymousUser()
    assert (front_cache._address(request) is None) is passed_through
    assert serves_from_cache(request) is not passed_through
