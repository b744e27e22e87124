import pytest
from cms.models import Page
from django.db import connection

from center.core.tasks import ping
from center.site.demo.loader import load_demo_pages

pytestmark = pytest.mark.integration


def test_a_task_enqueued_here_completes_in_a_real_worker_on_the_same_database(
    celery_worker_process,
):
    load_demo_pages()
    result = ping.delay()

    answer = result.get(timeout=60)

    assert answer["pong"] is True
    assert answer["database"] == connection.vendor
    # The worker reads the rows this test committed: same database, separate process.
    assert answer["pages"] == Page.objects.count() > 0
    assert celery_worker_process.poll() is None
