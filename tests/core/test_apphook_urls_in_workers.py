"""A process that built its URLs before an apphook was attached — a Celery worker started
before the events page existed — links events after its first check, instead of indexing
and emailing without them until the next page change."""

import pytest
from cms.utils import apphook_reload
from django.urls import NoReverseMatch, reverse

from center.core import apphooks
from center.site.demo.loader import load_demo_pages

pytestmark = pytest.mark.django_db


def _event_url() -> str:
    return reverse("events:event_detail", kwargs={"slug": "a-seminar"})


def test_a_worker_started_before_the_events_page_links_events_after_its_first_check(
        monkeypatch):
    apphook_reload.reload_urlconf()  # the URLs this process built, with no events page yet
    with pytest.raises(NoReverseMatch):
        _event_url()
    load_demo_pages()  # attaches the events apphook; only the database hears of it

    monkeypatch.setattr(apphooks, "_reloaded_in_this_process", False)  # a new worker process
    apphook_reload.set_local_revision(None)
    apphooks.apphook_urls_up_to_date()

    assert _event_url() == "/en/events/a-seminar/"
