"""With CACHE_URL at a dead Redis the portal serves uncached pages, keeps accepting both
forms (rate limits counted per process) and /readyz reports the cache down. The fault is
real: nothing listens on 127.0.0.1:1."""

import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from django.core.cache import caches
from django.test import Client

from center.core import ratelimit
from center.core.cache import ResilientRedisCache, log_once
from center.newsletter.models import Subscriber
from center.trials.models import TrialApplication
from tests.trials.factories import PrivacyNoticeFactory, ProductFactory, form_data

ROOT = Path(__file__).resolve().parents[2]
DEAD_REDIS = "redis://127.0.0.1:1/0"
BACKEND = "center.core.cache.ResilientRedisCache"


def test_settings_choose_the_resilient_backend_for_a_redis_cache_url():
    code = "from center.settings import base; print(base.CACHES['default']['BACKEND'])"
    env = {**os.environ, "CACHE_URL": DEAD_REDIS}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == BACKEND


@pytest.fixture
def dead_cache(settings):
    """The default cache as production settings build it for a Redis nobody answers on."""
    ResilientRedisCache.reset_backoff()
    log_once.reset()
    ratelimit.local_counts.clear()
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": DEAD_REDIS}}
    # setting_changed has dropped the old handlers; every caches["default"] is ours now.
    assert isinstance(caches["default"], ResilientRedisCache)
    yield caches["default"]
    caches["default"].close()
    ResilientRedisCache.reset_backoff()
    log_once.reset()
    ratelimit.local_counts.clear()


def _down_lines(caplog):
    return [r for r in caplog.records if r.name == "center.core.cache"
            and "unreachable" in r.getMessage()]


def test_the_backend_behaves_as_an_empty_cache(dead_cache):
    assert dead_cache.get("k", "default") == "default"
    assert dead_cache.add("k", 1) is False
    dead_cache.set("k", 1)
    assert dead_cache.delete("k") is False
    assert dead_cache.get_many(["a", "b"]) == {}
    assert dead_cache.set_many({"a": 1}) == ["a"]
    assert dead_cache.get_or_set("k", 5) == 5
    assert "k" not in dead_cache
    with pytest.raises(ValueError):
        dead_cache.incr("k")
    assert dead_cache.is_down
    assert dead_cache.ping() is False


def test_every_demo_page_and_list_is_served_and_the_log_says_so_once(
        dead_cache, demo_pages, client, caplog):
    caplog.set_level(logging.WARNING)
    log_once.reset()  # loading the demo pages has met the dead cache (and logged) already
    ResilientRedisCache.reset_backoff()
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    paths = {urlparse(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>",
                                                      sitemap.content.decode())}
    paths |= {"/en/", "/zh-hans/", "/en/news/", "/en/events/", "/en/apply-for-trial/",
              "/en/newsletter/", "/robots.txt"}
    assert len(paths) > 10
    for path in sorted(paths):
        for _again in range(2):
            response = client.get(path)
            assert response.status_code in (200, 302), (path, response.status_code)
    ResilientRedisCache.reset_backoff()  # the back-off ends: the next call tries again
    assert client.get("/en/").status_code == 200
    assert len(_down_lines(caplog)) == 1


def test_readyz_reports_the_cache_down_but_stays_ready(dead_cache, db, client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "eager", "cache": "down",
                               "status": "degraded"}
    assert client.get("/healthz").status_code == 200


def test_an_application_is_accepted_and_thanked(dead_cache, demo_pages, client,
                                               django_capture_on_commit_callbacks):
    ProductFactory(slug="ai-healthcare", name="AI healthcare")
    PrivacyNoticeFactory()
    assert client.get("/en/apply-for-trial/").status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/apply-for-trial/", form_data())
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.get(response["Location"]).status_code == 200
    assert TrialApplication.objects.count() == 1


def test_a_newsletter_sign_up_is_accepted_and_thanked(dead_cache, demo_pages, client,
                                                     django_capture_on_commit_callbacks):
    client.get("/en/")  # the CMS loads the newsletter apphook's URLs on the next request
    assert client.get("/en/newsletter/").status_code == 200
    data = {"email": "ann@example.org", "language": "en", "topics": ["news"],
            "consent": "on", "website": "", "source": "/en/"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/en/newsletter/", data, REMOTE_ADDR="198.51.100.7")
    assert response.status_code == 302 and response["Location"].endswith("/newsletter/thanks/")
    assert client.get(response["Location"]).status_code == 200
    assert Subscriber.objects.filter(email="ann@example.org").exists()


def test_rate_limits_still_count_per_process_and_say_so_once(
        dead_cache, demo_pages, settings, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.WARNING)
    log_once.reset()
    settings.TRIALS_RATE_LIMIT_PER_IP = 2
    ProductFactory(slug="ai-healthcare", name="AI healthcare")
    PrivacyNoticeFactory()
    client = Client(REMOTE_ADDR="198.51.100.20")
    statuses = []
    for i in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            statuses.append(client.post("/en/apply-for-trial/",
                                        form_data(email=f"p{i}@example.org")).status_code)
    assert statuses == [302, 302, 429]
    assert TrialApplication.objects.count() == 2

    settings.NEWSLETTER_SIGNUPS_PER_IP = 1
    data = {"language": "en", "topics": ["news"], "consent": "on", "website": "", "source": "/"}
    first = client.post("/en/newsletter/", {**data, "email": "a@example.org"})
    second = client.post("/en/newsletter/", {**data, "email": "b@example.org"})
    assert (first.status_code, second.status_code) == (302, 429)

    local = [r for r in caplog.records if r.name == "center.core.ratelimit"]
    assert len(local) == 1 and "per process" in local[0].getMessage()


def _twenty_home_pages(client) -> float:
    client.get("/en/")
    started = time.monotonic()
    for _ in range(20):
        assert client.get("/en/").status_code == 200
    return time.monotonic() - started


def test_a_dead_cache_costs_a_request_little(demo_pages, client, settings):
    # Against the same pages with no cache at all (nothing to wait for), in the same test, so
    # a busy machine slows both: the bound only catches a per-call connect or retry (0.25 s
    # each, several calls per page).
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    no_cache = _twenty_home_pages(client)
    ResilientRedisCache.reset_backoff()
    settings.CACHES = {"default": {"BACKEND": BACKEND, "LOCATION": DEAD_REDIS}}
    try:
        dead = _twenty_home_pages(client)
    finally:
        caches["default"].close()
        ResilientRedisCache.reset_backoff()
        log_once.reset()
    assert dead < 2 * no_cache + 1
