"""The URLconf revision (django CMS's apphook reload) is read from the database when the
content version has moved — every page write moves it — not at every request; an apphook
taken off a page or put back still shows at the next request."""

import pytest
from cms.models import Page
from cms.utils.apphook_reload import mark_urlconf_as_changed
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from center.core.middleware import ApphookReloadMiddleware
from center.site.demo.loader import demo_apphooks

pytestmark = pytest.mark.usefixtures("demo_pages")
CALENDAR = "/en/events/calendar.ics"


def _revision_reads(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    return sum("cms_urlconfrevision" in query["sql"] for query in queries)


def _is_calendar(response) -> bool:
    return response.status_code == 200 and response["Content-Type"].startswith("text/calendar")


def test_the_revision_is_read_again_only_after_a_write():
    visitor = Client()
    _revision_reads(visitor, "/en/no-such-page/")  # this process has checked once
    assert _revision_reads(visitor, "/en/no-such-page/?again") == 0

    Page.objects.first().save()  # a page write: where apphooks are set
    assert _revision_reads(visitor, "/en/no-such-page/?after-a-write") == 1


def test_and_at_least_every_few_seconds(monkeypatch):
    visitor = Client()
    _revision_reads(visitor, "/en/no-such-page/")
    monkeypatch.setattr(ApphookReloadMiddleware, "RECHECK_SECONDS", -1)
    assert _revision_reads(visitor, "/en/no-such-page/?later") == 1


def test_an_apphook_taken_off_and_put_back_shows_at_the_next_request():
    reverse_id = next(page for page, (_app, namespace) in demo_apphooks().items()
                      if namespace == "events")
    page = Page.objects.get(reverse_id=reverse_id)
    visitor = Client()
    assert _is_calendar(visitor.get(CALENDAR))

    application, page.application_urls = page.application_urls, ""
    page.save()
    mark_urlconf_as_changed()  # as django CMS does when the page's apphook changes
    assert not _is_calendar(visitor.get(CALENDAR))  # no such address any more

    page.application_urls = application
    page.save()
    mark_urlconf_as_changed()
    assert _is_calendar(visitor.get(CALENDAR))
