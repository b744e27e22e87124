"""A request's id reaches the Celery task it enqueued: the real worker's JSON log lines for
that task carry the same request_id as the page's X-Request-ID (center/core/task_context.py),
and the worker counts the task's outcome on its own metrics port."""

import json
import time
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from center.site.demo.loader import load_demo_pages
from tests.support.processes import free_port

pytestmark = pytest.mark.integration


@pytest.fixture
def metrics_port():
    return free_port()


@pytest.fixture
def worker_env(smtp_sink, transactional_db, django_db_serialized_rollback, metrics_port):
    load_demo_pages()  # before the worker starts, so it knows the newsletter's URLs
    return {"TEST_SMTP_PORT": str(smtp_sink.port), "LOG_FORMAT": "json",
            "CELERY_METRICS_PORT": str(metrics_port)}


def _worker_lines(log_path, request_id, timeout=30) -> list[dict]:
    """The worker's JSON lines for `request_id`, once the task's "succeeded" line is there."""
    deadline = time.monotonic() + timeout
    while True:
        lines = [json.loads(line) for line in log_path.read_text().splitlines()
                 if line.startswith("{")]
        ours = [line for line in lines if line.get("request_id") == request_id]
        if any("succeeded" in line["message"] for line in ours) or time.monotonic() > deadline:
            return ours
        time.sleep(0.2)


def test_the_sign_up_confirmation_task_logs_the_requests_id_in_the_worker(
        celery_worker_process, smtp_sink, client, tmp_path):
    client.get("/en/")  # loads the apphook URLs in this process
    response = client.post("/en/newsletter/", {
        "email": "reader@example.org", "language": "en", "topics": ["news"],
        "consent": "on", "website": ""}, HTTP_X_REQUEST_ID="signup-7f3a.1")
    assert response.status_code == 302
    assert response["X-Request-ID"] == "signup-7f3a.1"
    smtp_sink.wait_for(1)  # the worker sent the confirmation

    ours = _worker_lines(tmp_path / "worker.log", "signup-7f3a.1")

    done = [line for line in ours if "succeeded" in line["message"]]
    assert done, "no worker line carries the request's id"
    assert done[0]["logger"] == "celery.app.trace" and done[0]["level"] == "INFO"
    assert done[0]["task_name"].startswith("newsletter.")
    assert done[0]["task_id"] in done[0]["message"]
    assert celery_worker_process.poll() is None


def _task_outcomes(port) -> dict[tuple, float]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as r:
        text = r.read().decode()
    return {(s.labels["task"], s.labels["outcome"]): s.value
            for family in text_string_to_metric_families(text) for s in family.samples
            if s.name == "portal_celery_tasks_total"}


def test_the_worker_serves_its_task_outcomes(celery_worker_process, smtp_sink, client,
                                            metrics_port):
    client.get("/en/")
    client.post("/en/newsletter/", {"email": "reader@example.org", "language": "en",
                                    "topics": ["news"], "consent": "on", "website": ""})
    smtp_sink.wait_for(1)
    deadline = time.monotonic() + 10  # the count follows the email by a few milliseconds
    sent = ("newsletter.send_confirmation", "success")
    while (outcomes := _task_outcomes(metrics_port)).get(sent) != 1:
        assert time.monotonic() < deadline, outcomes
        time.sleep(0.2)
    assert not any(outcome == "failure" for _task, outcome in outcomes)
