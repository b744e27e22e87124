"""The fault test: a campaign to 2,000 subscribers while the worker is SIGKILLed several
times mid-send and restarted. In the end every subscriber has received exactly one message
— counted by distinct Message-ID per recipient at the SMTP sink: a resend after a crash
reuses the row's Message-ID, so it is recognisable as the same message, never a second one."""

import os
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import pytest

from center.celery import app as celery_app
from center.newsletter.models import Campaign, Delivery, Subscriber
from center.newsletter.services import campaign_send_now, newsletter_sweep
from center.site.demo.loader import load_demo_pages
from tests.support.processes import ROOT

from .conftest import _database_url_for_worker

pytestmark = pytest.mark.integration

SUBSCRIBERS = 2000
KILLS = 4
NEWSLETTER_ENV = {
    "NEWSLETTER_SEND_RATE": "0",  # as fast as the sink takes them
    "NEWSLETTER_CHUNK_SIZE": "20",
    "NEWSLETTER_CLAIM_SECONDS": "4",  # a killed worker's rows come back quickly
    "NEWSLETTER_STALL_SECONDS": "3",
}


class Workers:
    """Worker processes started, SIGKILLed and restarted like a crashing machine would."""

    def __init__(self, env: dict, log_dir: Path):
        self.env, self.log_dir, self.process, self.starts = env, log_dir, None, 0

    def start(self):
        self.starts += 1
        with open(self.log_dir / f"worker-{self.starts}.log", "w") as log:
            # Its own session, so a kill reaches the pool's child processes too.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "center", "worker", "--pool=prefork",
                 "--concurrency=2", "--without-gossip", "--without-mingle",
                 "--loglevel=WARNING", "-n", f"fault{self.starts}@%h"],
                cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


@pytest.fixture
def workers(transactional_db, django_db_serialized_rollback, tmp_path, smtp_sink, settings):
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        if os.environ.get("CI"):
            pytest.fail("CI must set CELERY_BROKER_URL: the integration tests need a real broker")
        pytest.skip("set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0) to run worker tests")
    load_demo_pages()  # the newsletter's URLs, before any worker starts
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.test",
           "DATABASE_URL": _database_url_for_worker(), "TEST_SMTP_PORT": str(smtp_sink.port),
           **NEWSLETTER_ENV}
    for name, value in NEWSLETTER_ENV.items():  # the sweep runs here, in the test process
        setattr(settings, name, float(value) if name.endswith("RATE") else int(value))
    celery_app.conf.task_always_eager = False
    celery_app.control.purge()  # tasks left in the queue by an earlier run
    pool = Workers(env, tmp_path)
    try:
        yield pool
    finally:
        pool.stop()
        celery_app.conf.task_always_eager = True
        for log in sorted(tmp_path.glob("worker-*.log")):
            sys.stdout.write(f"\n--- {log.name} ---\n{log.read_text()[-1500:]}\n")


def _sweep_until(condition, timeout=60):
    deadline = last_sweep = time.monotonic()
    deadline += timeout
    while not condition():
        assert time.monotonic() < deadline, "the campaign stopped making progress"
        if time.monotonic() - last_sweep > 1:
            newsletter_sweep()  # what beat runs every minute in production
            last_sweep = time.monotonic()
        time.sleep(0.05)


def _create_subscribers():
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n:04d}@example.org", status=Subscriber.Status.CONFIRMED)
        for n in range(SUBSCRIBERS))


def test_killing_workers_mid_campaign_loses_no_reader_and_doubles_none(workers, smtp_sink):
    _create_subscribers()
    campaign = Campaign.objects.create(subject="Crash-proof issue", body_html="<p>Hi</p>")
    started = time.monotonic()
    workers.start()
    campaign_send_now(campaign=campaign)

    for kill in range(1, KILLS + 1):
        _sweep_until(
            lambda kill=kill: len(smtp_sink.messages) >= kill * SUBSCRIBERS // (KILLS + 2))
        workers.kill()
        workers.start()
    _sweep_until(lambda: Campaign.objects.get(pk=campaign.pk).status == Campaign.Status.SENT)
    elapsed = time.monotonic() - started

    ids_by_recipient = defaultdict(set)
    for message in smtp_sink.messages:
        ids_by_recipient[message["To"]].add(message["Message-ID"])
    expected = {f"reader{n:04d}@example.org" for n in range(SUBSCRIBERS)}
    assert set(ids_by_recipient) == expected  # none missed
    assert all(len(ids) == 1 for ids in ids_by_recipient.values())  # none twice
    assert Delivery.objects.filter(campaign=campaign, status="sent").count() == SUBSCRIBERS
    resent = len(smtp_sink.messages) - SUBSCRIBERS
    sys.stdout.write(f"\n{SUBSCRIBERS} readers, {KILLS} SIGKILLs, {elapsed:.1f} s, "
                     f"{resent} resend(s) with the same Message-ID\n")
    assert elapsed < 120  # it finishes, without waiting on a stuck claim; speed is in bench/
