"""A real Celery worker, started as its own process against the test database and the broker
named by CELERY_BROKER_URL. Tests that use it see their tasks cross a real process boundary."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from center.celery import app as celery_app

ROOT = Path(__file__).resolve().parents[2]


def _database_url_for_worker() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


@pytest.fixture
def worker_env():
    """Extra environment for the worker process; override it in a test module, e.g. to
    point the worker's email at an SMTP sink: {"TEST_SMTP_PORT": str(smtp_sink.port)}."""
    return {}


@pytest.fixture
def celery_worker_process(transactional_db, django_db_serialized_rollback, tmp_path, worker_env):
    broker = os.environ.get("CELERY_BROKER_URL")
    if not broker:
        if os.environ.get("CI"):
            pytest.fail("CI must set CELERY_BROKER_URL: the integration tests need a real broker")
        pytest.skip("set CELERY_BROKER_URL (e.g. redis://127.0.0.1:6379/0) to run worker tests")
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "center.settings.test"
    env["DATABASE_URL"] = _database_url_for_worker()
    env.update(worker_env)
    log_path = tmp_path / "worker.log"
    with open(log_path, "w") as log:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "center", "worker", "--pool=solo",
             "--without-gossip", "--without-mingle", "--loglevel=INFO"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
    # The test process publishes for real while the worker runs.
    celery_app.conf.task_always_eager = False
    try:
        yield worker
    finally:
        celery_app.conf.task_always_eager = True
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        sys.stdout.write(f"\n--- worker log ---\n{log_path.read_text()[-4000:]}\n")
