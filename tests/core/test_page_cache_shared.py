"""Through a real gunicorn with two workers and the shared Redis cache: pages are served from
the cache, and a change written by another process (here, the test's) is seen by visitors at
their very next request, whichever worker serves them."""

import os
import urllib.request

import pytest
import redis
from django.core.cache import caches

from center.core.cache import ResilientRedisCache
from center.site.demo import showcase
from center.site.demo.loader import load_demo_pages
from tests.events.factories import EventFactory
from tests.support.processes import (
    ROOT,
    free_port,
    gunicorn_command,
    logged_process,
    wait_until_serving,
)

REDIS_URL = os.environ.get("PAGE_CACHE_TEST_REDIS", "redis://127.0.0.1:6379/7")
CACHES = {"default": {"BACKEND": "center.core.cache.ResilientRedisCache",
                      "LOCATION": REDIS_URL}}
SETTINGS_MODULE = f'''from center.settings.test import *  # noqa: F401,F403

CACHES = {CACHES!r}
'''
VISITS = 8  # two workers: enough that both serve some of them


def _database_url() -> str:
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL) for a second process to share the data")
    user = settings.get("USER") or "postgres"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    host = settings.get("HOST") or "127.0.0.1"
    return f"postgres://{user}{password}@{host}:{settings.get('PORT') or 5432}/{settings['NAME']}"


@pytest.fixture
def shared_redis(settings):
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        pytest.skip(f"no Redis at {REDIS_URL}")
    server.flushdb()
    ResilientRedisCache.reset_backoff()
    settings.CACHES = CACHES  # this process writes to the cache gunicorn reads
    assert isinstance(caches["default"], ResilientRedisCache)
    yield server
    caches["default"].close()
    server.flushdb()


@pytest.fixture
def gunicorn(transactional_db, django_db_serialized_rollback, shared_redis, tmp_path):
    # Committed before gunicorn starts: its URLs include the apphooks, and the home page
    # lists the upcoming event.
    load_demo_pages()
    event = EventFactory(slug="seminar", title="Spring seminar")
    showcase.load_demo_content()
    (tmp_path / "shared_cache_settings.py").write_text(SETTINGS_MODULE)
    port = free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "shared_cache_settings",
           "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
           "DATABASE_URL": _database_url(), "WEB_CONCURRENCY": "2"}
    for name in ("CACHE_URL", "CELERY_BROKER_URL", "CELERY_RESULT_BACKEND"):
        env.pop(name, None)
    log_path = tmp_path / "gunicorn.log"
    base = f"http://127.0.0.1:{port}"
    with logged_process(gunicorn_command(port), log_path, env, "gunicorn") as server:
        wait_until_serving(base + "/en/", server, log_path)
        yield base, event


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.headers, response.read().decode()


def test_a_change_made_in_one_process_is_seen_at_once_through_every_gunicorn_worker(
        gunicorn, shared_redis):
    base, event = gunicorn
    pages = ["/en/", "/zh-hans/", "/en/events/", "/zh-hans/events/"]
    for path in pages:
        for _visit in range(VISITS):
            headers, body = fetch(base + path)
            assert "Spring seminar" in body, path
            assert "max-age=" in headers["Cache-Control"], path
            assert headers.get("Set-Cookie") is None, path
    assert shared_redis.dbsize() > 0  # the workers stored their pages in the shared cache

    event.set_current_language("en")
    event.title = "Autumn seminar"
    event.save()  # committed at once (transactional test): another process's write

    for path in pages:
        for _visit in range(VISITS):
            _headers, body = fetch(base + path)
            assert "Autumn seminar" in body and "Spring seminar" not in body, path
