"""Issue 12, item 1: a gunicorn started with its broker at a dead port (from the first
request on, no connection was ever made) answers every form in well under 2 s, and once a
worker on a live broker has run the sweeps every expected email has arrived exactly once.

The gunicorn runs the default Celery configuration (no result backend); a publish failure
costs the first request of each gunicorn worker process the refused connection, then the
process backs off (center.core.queue) and the newsletter confirmation is sent in-process."""

import os
import re
import time
from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from center.newsletter.models import Subscriber
from center.newsletter.services import newsletter_sweep
from center.site.demo.loader import load_demo_pages
from center.trials.models import EmailOutbox, TrialApplication
from center.trials.outbox import outbox_sweep
from tests.support.processes import (
    ROOT,
    free_port,
    gunicorn_command,
    logged_process,
    wait_until_serving,
)
from tests.support.users import UserFactory
from tests.support.visitor import Browser, hidden_value
from tests.trials.factories import form_data

from .conftest import _database_url_for_worker

pytestmark = pytest.mark.integration

# Nothing listens on port 1; the same transport as the live broker the sweeps use later.
DEAD_BROKERS = {"redis": "redis://127.0.0.1:1/0", "amqp": "amqp://guest:guest@127.0.0.1:1//"}
GUNICORN_WORKERS = 2
SUBMISSIONS = 20
APPLY = "/en/apply-for-trial/"
SIGN_UP = "/en/newsletter/"
STAFF = "rita@center.example"

# The test settings run tasks eagerly; this gunicorn must publish for real, as production does.
SETTINGS_MODULE = '''from center.settings.test import *  # noqa: F401,F403

CELERY_TASK_ALWAYS_EAGER = False
'''


@pytest.fixture
def worker_env(smtp_sink):
    return {"TEST_SMTP_PORT": str(smtp_sink.port)}


@pytest.fixture
def gunicorn_on_dead_broker(transactional_db, django_db_serialized_rollback, tmp_path,
                            smtp_sink):
    live_broker = os.environ.get("CELERY_BROKER_URL")
    if not live_broker:
        pytest.skip("set CELERY_BROKER_URL (a live broker) for the sweep half of this test")
    # Committed before gunicorn starts: its URLs include the apphooks, the trial form shows
    # (a privacy notice and a product exist), a Reviewer is told of each application.
    load_demo_pages()
    form_data()
    UserFactory(username="rita", email=STAFF, group="Reviewers")
    (tmp_path / "broker_down_settings.py").write_text(SETTINGS_MODULE)
    port = free_port()
    env = {**os.environ,
           "DJANGO_SETTINGS_MODULE": "broker_down_settings",
           "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
           "DATABASE_URL": _database_url_for_worker(),
           "CELERY_BROKER_URL": DEAD_BROKERS[live_broker.split(":")[0]],
           "TEST_SMTP_PORT": str(smtp_sink.port),
           "TRIALS_MIN_FILL_SECONDS": "0",
           "TRIALS_RATE_LIMIT_ENABLED": "false",
           "NEWSLETTER_SIGNUPS_PER_IP": "1000",
           "WEB_CONCURRENCY": str(GUNICORN_WORKERS)}
    env.pop("CELERY_RESULT_BACKEND", None)  # the default: none
    log_path = tmp_path / "gunicorn.log"
    base = f"http://127.0.0.1:{port}"
    with logged_process(gunicorn_command(port), log_path, env, "gunicorn") as server:
        wait_until_serving(base + "/en/", server, log_path)
        yield base, log_path


def test_a_gunicorn_started_with_a_dead_broker_answers_fast_and_loses_no_email(
        gunicorn_on_dead_broker, smtp_sink, request):
    base, log_path = gunicorn_on_dead_broker
    timings = {"trial": [], "newsletter": []}

    for i in range(SUBMISSIONS):
        visitor = Browser(base)
        _status, _url, page = visitor.get(APPLY)
        data = form_data(email=f"applicant{i}@example.org")
        data.update(csrfmiddlewaretoken=hidden_value(page, "csrfmiddlewaretoken"),
                    started=hidden_value(page, "started"))
        started = time.monotonic()
        status, url, thanks = visitor.post(APPLY, data)
        timings["trial"].append(time.monotonic() - started)
        assert status == 200 and "/apply-for-trial/" in url and url != base + APPLY
        assert "TR-" in thanks

    for i in range(SUBMISSIONS):
        visitor = Browser(base)
        _status, _url, page = visitor.get(SIGN_UP)
        started = time.monotonic()
        status, url, _thanks = visitor.post(SIGN_UP, {
            "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"),
            "email": f"reader{i}@example.org", "language": "en", "topics": ["news"],
            "consent": "on", "website": "", "source": "/en/"})
        timings["newsletter"].append(time.monotonic() - started)
        assert status == 200 and url.endswith("/newsletter/thanks/")

    slowest = {kind: max(values) for kind, values in timings.items()}
    print(f"\nbroker down from the start: slowest trial {slowest['trial']:.3f}s, slowest "
          f"sign-up {slowest['newsletter']:.3f}s, all 40 in "
          f"{sum(timings['trial']) + sum(timings['newsletter']):.2f}s")
    assert max(slowest.values()) < 2
    assert TrialApplication.objects.count() == SUBMISSIONS
    assert EmailOutbox.objects.filter(status="pending").count() == 2 * SUBMISSIONS
    assert Subscriber.objects.filter(status="pending").count() == SUBMISSIONS
    # The confirmations a visitor waits for were sent in-process, the trial emails wait.
    confirmations = smtp_sink.wait_for(SUBMISSIONS, timeout=30)
    assert {m["To"] for m in confirmations} == {
        f"reader{i}@example.org" for i in range(SUBMISSIONS)}
    log = log_path.read_text()
    assert "RuntimeError" not in log and not re.search(r'HTTP/1.1" 5\d\d ', log)
    assert "Internal Server Error" not in log  # every publish failure logged, none raised
    # One failed publish per gunicorn process, then the back-off: no more tries.
    assert 1 <= log.count("Broker unavailable") <= GUNICORN_WORKERS

    # A worker on the live broker; beat's sweeps, run here (they publish to that broker).
    request.getfixturevalue("celery_worker_process")
    assert outbox_sweep(older_than=timedelta(0)) == 2 * SUBMISSIONS
    later = timezone.now() + timedelta(hours=1)  # every consent old enough for the sweep
    assert newsletter_sweep(now=later)["confirmations"] == 0  # all were sent already

    expected = 3 * SUBMISSIONS
    smtp_sink.wait_for(expected, timeout=90)
    time.sleep(5)  # long enough to catch a duplicate
    messages = smtp_sink.messages
    counts = Counter((m["To"], m["Subject"]) for m in messages)
    assert len(messages) == expected and max(counts.values()) == 1
    assert len({m["Message-ID"] for m in messages}) == expected
    assert sum(1 for m in messages if m["To"] == STAFF) == SUBMISSIONS
    assert {m["To"] for m in messages} == (
        {STAFF} | {f"applicant{i}@example.org" for i in range(SUBMISSIONS)}
        | {f"reader{i}@example.org" for i in range(SUBMISSIONS)})
    assert EmailOutbox.objects.filter(status="sent").count() == 2 * SUBMISSIONS
