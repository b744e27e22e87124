"""Stateless web nodes: with CACHE_URL on Redis, a session started by one process is read by
another, and rate-limit counters are one count over all processes. Real separate processes
(python subprocesses with the portal's settings) and a real Redis."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("SHARED_STORES_TEST_REDIS", "redis://127.0.0.1:6379/2")
ATTEMPTS = 25  # per process

COUNT = """
import django; django.setup()
from center.core.ratelimit import count_attempt
print(max(count_attempt(scope="signup", ident={ident!r}, window_seconds=3600)
          for _ in range({attempts})))
"""
SESSION_START = """
import django; django.setup()
from django.conf import settings
from importlib import import_module
store = import_module(settings.SESSION_ENGINE).SessionStore()
store["who"] = "editor"
store.create()
store.save()
print(settings.SESSION_ENGINE, store.session_key)
"""
SESSION_READ = """
import django; django.setup()
from django.conf import settings
from importlib import import_module
print(import_module(settings.SESSION_ENGINE).SessionStore({key!r}).get("who"))
"""


def _database_url() -> str:
    from django.db import connection

    found = connection.settings_dict
    if connection.vendor != "postgresql":
        return f"sqlite:///{found['NAME']}"
    password = f":{found['PASSWORD']}" if found.get("PASSWORD") else ""
    return (f"postgres://{found.get('USER') or 'postgres'}{password}@"
            f"{found.get('HOST') or '127.0.0.1'}:{found.get('PORT') or 5432}/{found['NAME']}")


@pytest.fixture
def node_env(transactional_db, django_db_serialized_rollback):
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"no Redis at {REDIS_URL}")
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("DJANGO_", "CACHE_URL", "PYTEST_", "DATABASE_URL"))}
    yield {**env, "DJANGO_SETTINGS_MODULE": "center.settings.local", "CACHE_URL": REDIS_URL,
           "DATABASE_URL": _database_url(), "PYTHONDONTWRITEBYTECODE": "1"}
    server.flushdb()


def _python(code: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", code], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _output(process: subprocess.Popen) -> str:
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err[-3000:]
    return out.strip()


def test_two_processes_count_one_rate_limit(node_env):
    code = COUNT.format(ident=f"203.0.113.{uuid.uuid4().int % 250}-{uuid.uuid4()}",
                        attempts=ATTEMPTS)
    first, second = _python(code, node_env), _python(code, node_env)  # at the same time

    highest = sorted(int(_output(p)) for p in (first, second))

    # One counter: the later process saw the earlier one's attempts too (per-process
    # counters would both stop at 25).
    assert highest[-1] == 2 * ATTEMPTS


def test_a_session_started_on_one_node_is_read_on_another(node_env):
    engine, key = _output(_python(SESSION_START, node_env)).split()

    assert engine == "django.contrib.sessions.backends.cached_db"
    assert _output(_python(SESSION_READ.format(key=key), node_env)) == "editor"
    assert redis.Redis.from_url(REDIS_URL).keys(f"*{key}*")  # kept in the shared cache


def test_a_per_process_cache_keeps_sessions_in_the_database(node_env):
    env = {**node_env, "CACHE_URL": "locmemcache://"}
    engine, _key = _output(_python(SESSION_START, env)).split()
    assert engine == "django.contrib.sessions.backends.db"
