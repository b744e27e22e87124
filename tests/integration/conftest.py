"""A real Celery worker, started as its own process against the test database and the broker
named by CELERY_BROKER_URL. Tests that use it see their tasks cross a real process boundary."""

import os
import sys

import pytest
from django.db import connection

from center.celery import app as celery_app
from tests.support.processes import logged_process


def _database_url_for_worker() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    port = settings.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings['NAME']}"


def _result_backend_for(broker: str) -> str:
    return broker if broker.startswith("redis") else "rpc://"


def _forget_backend():
    # Celery caches its result backend (per thread unless thread-safe); a new setting needs
    # a new one.
    celery_app._backend_cache = None
    celery_app._local.__dict__.pop("backend", None)


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
    # The portal keeps no task results (CELERY_RESULT_BACKEND is unset by default); the
    # round-trip test reads core.ping's answer, so both sides get a result backend here.
    results = os.environ.get("CELERY_RESULT_BACKEND") or _result_backend_for(broker)
    env["CELERY_RESULT_BACKEND"] = results
    env.update(worker_env)
    log_path = tmp_path / "worker.log"
    command = [sys.executable, "-m", "celery", "-A", "center", "worker", "--pool=solo",
               "--without-gossip", "--without-mingle", "--loglevel=INFO"]
    saved_backend = celery_app.conf.result_backend
    # Everything after the start is inside the block: a failure in setup still stops the
    # worker, which would otherwise go on consuming the test queue.
    with logged_process(command, log_path, env, "worker") as worker:
        try:
            # The test process publishes for real while the worker runs.
            celery_app.conf.task_always_eager = False
            celery_app.conf.result_backend = results
            _forget_backend()
            # Nothing imports tasks modules (they are enqueued by name): load them as a
            # worker does.
            celery_app.autodiscover_tasks(force=True)
            ping = celery_app.tasks["core.ping"]
            ping.ignore_result = False  # only the task whose answer a test reads
            yield worker
        finally:
            celery_app.conf.task_always_eager = True
            # Back to the class's value: the app's task_ignore_result.
            celery_app.tasks["core.ping"].__dict__.pop("ignore_result", None)
            celery_app.conf.result_backend = saved_backend
            _forget_backend()
