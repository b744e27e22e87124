"""How a process knows the content version cached pages are stored under: from its own copy,
kept current by a Redis channel, so a cache hit asks Redis nothing; a write in another
process is seen at the next read; while Redis is away nothing stale is served. The Redis
servers are real: the machine's for the channel, one started here for the outage."""

import os
import subprocess
import sys
import time

import pytest
import redis
from django.core.cache import caches

from center.core.cache import ResilientRedisCache
from center.core.content_version import VERSION_KEY, VersionWatcher, read_version
from tests.support.processes import ROOT, free_port, logged_process

SHARED_REDIS = os.environ.get("CONTENT_VERSION_TEST_REDIS", "redis://127.0.0.1:6379/6")
BACKEND = "center.core.cache.ResilientRedisCache"


def _redis_cache(settings, location):
    ResilientRedisCache.reset_backoff()
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": location,
                                   "KEY_PREFIX": f"cv-{os.getpid()}"}}
    return caches["default"]


@pytest.fixture
def shared_cache(settings):
    try:
        redis.Redis.from_url(SHARED_REDIS).ping()
    except redis.ConnectionError:
        pytest.skip(f"needs Redis at {SHARED_REDIS}")
    cache = _redis_cache(settings, SHARED_REDIS)
    yield cache
    cache.delete(VERSION_KEY)
    ResilientRedisCache.reset_backoff()


def _listening(watcher: VersionWatcher, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    watcher.current()  # starts the thread
    while watcher._socket is None or watcher._known is None:
        assert time.monotonic() < deadline, "the watcher never subscribed"
        time.sleep(0.01)


def _gets_served(location: str) -> int:
    stats = redis.Redis.from_url(location).info("commandstats")
    return stats.get("cmdstat_get", {}).get("calls", 0)


def _bump_in_another_process(location: str, folder) -> None:
    """A write as a worker or another web process makes it: through bump_version."""
    caches_setting = {"default": {"BACKEND": BACKEND, "LOCATION": location,
                                  "KEY_PREFIX": f"cv-{os.getpid()}"}}
    (folder / "cv_settings.py").write_text(
        f"from center.settings.test import *  # noqa\nCACHES = {caches_setting!r}\n")
    code = ("import django; django.setup(); "
            "from center.core.content_version import bump_version; bump_version()")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "cv_settings",
           "PYTHONPATH": f"{folder}{os.pathsep}{ROOT}"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_a_hit_asks_redis_nothing_and_sees_another_process_write_at_once(shared_cache,
                                                                         tmp_path):
    watcher = VersionWatcher()
    _listening(watcher)
    before = watcher.current()

    gets = _gets_served(SHARED_REDIS)
    assert all(watcher.current() == before for _ in range(200))
    assert _gets_served(SHARED_REDIS) - gets < 5  # the machine's Redis serves other tests too

    for _ in range(3):  # each write in another process, each seen at the next read
        _bump_in_another_process(SHARED_REDIS, tmp_path)
        now = watcher.current()
        assert now > before
        assert now == read_version()
        before = now


def test_a_write_in_this_process_is_seen_before_the_announcement_arrives(shared_cache):
    from center.core.content_version import bump_version, watcher

    before = watcher.current()
    bump_version()
    assert watcher.current() > before


def test_a_write_moves_the_version_even_while_this_process_backs_off(shared_cache):
    from center.core.content_version import bump_version

    before = read_version()
    shared_cache._failed(ConnectionError("a moment ago"))  # Redis failed once, is back now
    assert shared_cache.get(VERSION_KEY) is None  # backing off: every read a miss
    bump_version()
    assert read_version() == before + 1


def test_without_redis_every_read_goes_to_the_cache(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    watcher = VersionWatcher()
    before = watcher.current()
    caches["default"].incr(VERSION_KEY)  # no announcement: nothing to listen to here
    assert watcher.current() == before + 1
    assert watcher._socket is None


@pytest.fixture
def own_redis(tmp_path, settings):
    port = free_port()
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
               "--appendonly", "no", "--dir", str(tmp_path)]

    def start():
        process_context = logged_process(command, tmp_path / f"redis-{time.monotonic()}.log",
                                         dict(os.environ), "redis-server")
        process_context.__enter__()
        client = redis.Redis(port=port)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return process_context
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "redis-server did not start"
                time.sleep(0.05)

    location = f"redis://127.0.0.1:{port}/0"
    server = {"context": start(), "start": start, "location": location, "folder": tmp_path}
    _redis_cache(settings, location)
    yield server
    server["context"].__exit__(None, None, None)
    ResilientRedisCache.reset_backoff()


def test_while_redis_is_away_no_old_version_is_served_and_listening_resumes(own_redis):
    watcher = VersionWatcher()
    _listening(watcher)
    before = watcher.current()
    assert before is not None

    own_redis["context"].__exit__(None, None, None)  # the server stops
    deadline = time.monotonic() + 5
    while watcher.current() is not None:  # the broken socket: read per request, a miss
        assert time.monotonic() < deadline, "the old version was still served"
        time.sleep(0.01)

    own_redis["context"] = own_redis["start"]()  # back, empty: its key starts anew
    ResilientRedisCache.reset_backoff()
    _listening(watcher)
    after = watcher.current()
    assert after is not None and after != before
    _bump_in_another_process(own_redis["location"], own_redis["folder"])
    assert watcher.current() == after + 1
