import time

import pytest

from center.search.models import SearchEntry
from center.site.demo.loader import load_demo_pages
from tests.events.factories import EventFactory

pytestmark = pytest.mark.integration


def _wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.3)
    return False


def test_a_published_event_reaches_the_search_index_through_the_worker(
        celery_worker_process, client):
    load_demo_pages()  # attaches the events apphook: entries need its URLs
    EventFactory(title="Indexed by a real worker")  # committed: the worker gets the refresh task

    assert _wait_for(lambda: SearchEntry.objects.filter(title="Indexed by a real worker").exists())
    html = client.get("/en/search/", {"q": "real worker"}).content.decode()
    assert "Indexed by a <mark>real</mark> <mark>worker</mark>" in html
    assert celery_worker_process.poll() is None
