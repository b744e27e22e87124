"""Issue 17, item 2: a PostgreSQL streaming replica behind the database router.

A primary of the test's own (initdb into a temporary folder, another port, loopback only —
never the machine's shared server) and a replica made from it with pg_basebackup -R, on a
third port. gunicorn reads the replica for anonymous public pages. With the replica's replay
paused (a lagging replica, at its extreme):
(a) a change committed on the primary is not on the public pages, which keep answering 200,
    and appears once replay resumes;
(b) a visitor who has just applied for a trial sees their own application on the thank-you
    page (their browser is pinned to the primary for a few seconds), while the same page
    without that pin, read from the replica, does not know it yet;
(c) a staff member sees the change in the admin;
(d) with the replica stopped, the public pages still answer 200, from the primary."""

import os
import re
import time

import psycopg2
import pytest
import redis
from django.contrib.auth import get_user_model

from center.core.content_version import bump_version
from center.core.db_router import PRIMARY_COOKIE
from center.events.models import Event
from tests.events.factories import EventFactory
from tests.integration.test_database_restart import Visitor, _django_env, _hidden, _prepare
from tests.support.postgres import PRIMARY_SETTINGS, Cluster, postgres_bin, start_replica
from tests.support.processes import (
    ROOT,
    free_port,
    gunicorn_command,
    logged_process,
    wait_until_serving,
)

REDIS_URL = os.environ.get("REPLICA_TEST_REDIS", "redis://127.0.0.1:6379/8")
CACHES = {"default": {"BACKEND": "center.core.cache.ResilientRedisCache",
                      "LOCATION": REDIS_URL}}
# The tests' settings with the shared cache production requires (every gunicorn worker and
# this process see the same content version), static files from the source tree.
SETTINGS_MODULE = f'''from center.settings.test import *  # noqa: F401,F403

CACHES = {CACHES!r}
WHITENOISE_USE_FINDERS = True
'''
OLD_TITLE, NEW_TITLE = "Spring seminar", "Autumn seminar"
PUBLIC_PAGES = ["/en/events/", "/zh-hans/events/"]  # the event's title is on both
TRIAL = "/en/apply-for-trial/"
STAFF, PASSWORD = "replica-staff", "replica-staff-password"
CATCH_UP_LIMIT = 15  # s: replay, then the 5 s a replica-read page may be kept by caches


class Primary(Cluster):
    def start(self, *settings: str):
        super().start(*PRIMARY_SETTINGS, *settings)


def _sql(cluster: Cluster, statement: str, params=()):
    with psycopg2.connect(host="127.0.0.1", port=cluster.port, user="postgres",
                          dbname="portal") as db, db.cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchall() if cursor.description else None


def _pause_replay(replica: Cluster) -> None:
    _sql(replica, "SELECT pg_wal_replay_pause()")
    deadline = time.monotonic() + 10
    while _sql(replica, "SELECT pg_get_wal_replay_pause_state()")[0][0] != "paused":
        assert time.monotonic() < deadline, "the replica did not pause its replay"
        time.sleep(0.05)


def _retitle_on_the_primary(primary: Cluster, event: Event) -> None:
    """What an editor's save does: the row changes on the primary, and the content version
    moves (every process's caches start again)."""
    table = Event._parler_meta.root_model._meta.db_table
    _sql(primary, f"UPDATE {table} SET title = %s "  # noqa: S608
                  "WHERE master_id = %s AND language_code = 'en'", (NEW_TITLE, event.pk))
    bump_version()


def _page(visitor: Visitor, path: str) -> str:
    status, _headers, body = visitor.fetch(path)
    assert status == 200, f"{path}: {status} {body[-300:]}"
    return body


def _apply_for_trial(visitor: Visitor, email: str):
    form = _page(visitor, TRIAL)
    data = {"csrfmiddlewaretoken": _hidden(form, "csrfmiddlewaretoken"),
            "started": _hidden(form, "started"),
            "privacy_notice": _hidden(form, "privacy_notice"),
            "products": re.findall(r'name="products" value="(\d+)"', form)[:1],
            "name": "Ada Lovelace", "organisation": "Analytical Hospital",
            "job_title": "Chief Medical Officer", "country": "United Kingdom",
            "sector": "healthcare", "expected_scale": "pilot", "phone": "", "email": email,
            "intended_use": "We will use it to triage radiology referrals, with a doctor "
                            "checking every suggestion before it reaches a patient.",
            "consent": "on", "website": ""}
    status, headers, body = visitor.fetch(TRIAL, data)
    assert status == 302, f"the application was not accepted: {status} {body[-500:]}"
    return headers


def _sign_in_staff(base: str) -> Visitor:
    staff = Visitor(base)
    login = "/en/admin/login/"
    form = _page(staff, login)
    status, _headers, body = staff.fetch(login, {
        "csrfmiddlewaretoken": _hidden(form, "csrfmiddlewaretoken"),
        "username": STAFF, "password": PASSWORD, "next": "/en/admin/"})
    assert status == 302, f"staff sign-in failed: {status} {body[-500:]}"
    return staff


@pytest.fixture
def shared_redis(settings):
    server = redis.Redis.from_url(REDIS_URL)
    try:
        server.ping()
    except redis.exceptions.ConnectionError:
        if os.environ.get("CI") == "true":
            raise
        pytest.skip(f"no Redis at {REDIS_URL} (REPLICA_TEST_REDIS)")
    server.flushdb()
    settings.CACHES = CACHES  # this process moves the content version gunicorn reads
    yield server
    server.flushdb()


def test_public_pages_read_a_lagging_replica_while_writers_and_staff_read_the_primary(
        transactional_db, django_db_serialized_rollback, shared_redis, tmp_path):
    from django.db import connection

    bindir = postgres_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl, pg_basebackup) on this machine")
    if connection.vendor != "postgresql":
        pytest.skip("needs DATABASE_URL at PostgreSQL: the demo content is copied from it")
    began = time.monotonic()
    event = EventFactory(slug="seminar", title=OLD_TITLE)
    get_user_model().objects.create_superuser(STAFF, "staff@example.org", PASSWORD)
    (tmp_path / "primary").mkdir()
    primary = Primary(bindir, tmp_path / "primary")
    replica = None
    took = {}
    try:
        _prepare(primary, bindir)  # initdb, start, the tests' database with the content
        took["primary"] = time.monotonic() - began
        replica = start_replica(primary, tmp_path / "replica")
        took["replica"] = time.monotonic() - began

        (tmp_path / "replica_settings.py").write_text(SETTINGS_MODULE)
        port = free_port()
        env = _django_env(
            primary, DJANGO_SETTINGS_MODULE="replica_settings",
            PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
            DATABASE_REPLICA_URL=replica.url, WEB_CONCURRENCY="2",
            TRIALS_MIN_FILL_SECONDS="0", TRIALS_RATE_LIMIT_ENABLED="false")
        log_path = tmp_path / "gunicorn.log"
        base = f"http://127.0.0.1:{port}"
        with logged_process(gunicorn_command(port), log_path, env, "gunicorn") as server:
            wait_until_serving(base + "/en/events/", server, log_path)
            took["gunicorn up"] = time.monotonic() - began
            visitor = Visitor(base)
            _page(visitor, "/en/")
            for path in PUBLIC_PAGES:
                assert OLD_TITLE in _page(visitor, path), path

            # (a) The replica lags: the primary's change is not on the public pages yet,
            # and they keep answering.
            _pause_replay(replica)
            _retitle_on_the_primary(primary, event)
            for _round in range(3):
                _page(Visitor(base), "/en/")
                for path in PUBLIC_PAGES:
                    body = _page(Visitor(base), path)
                    assert OLD_TITLE in body and NEW_TITLE not in body, \
                        (path, re.findall(r".{80}seminar.{80}", body, re.S))

            # (b) A visitor who just applied sees their own application.
            applicant = Visitor(base)
            answer = _apply_for_trial(applicant, "ada@example.org")
            assert f"{PRIMARY_COOKIE}=" in answer.get("Set-Cookie", "")
            thanks = answer["Location"]
            assert "ada@example.org" in _page(applicant, thanks)
            # Without the pin the same page reads the replica, which does not have it yet.
            assert "ada@example.org" not in _page(Visitor(base), thanks)

            # (c) Staff read the primary.
            staff = _sign_in_staff(base)
            change = _page(staff, f"/en/admin/events/event/{event.pk}/change/")
            assert NEW_TITLE in change

            # Replay resumes: the change reaches the public pages.
            _sql(replica, "SELECT pg_wal_replay_resume()")
            resumed = time.monotonic()
            while NEW_TITLE not in _page(Visitor(base), "/en/events/"):
                assert time.monotonic() - resumed < CATCH_UP_LIMIT, "the change never came"
                time.sleep(0.2)
            caught_up = time.monotonic() - resumed
            assert "ada@example.org" in _page(Visitor(base), thanks)

            # (d) The replica stops: public pages are read from the primary.
            replica.stop()
            stopped = time.monotonic()
            _page(Visitor(base), "/en/")
            for path in PUBLIC_PAGES:
                assert NEW_TITLE in _page(Visitor(base), path), path
            fallback = time.monotonic() - stopped
        log = log_path.read_text()
    finally:
        if replica is not None:
            replica.stop()
            replica.cleanup()
        primary.stop()
        primary.cleanup()

    assert not re.search(r'HTTP/1\.[01]" 5\d\d ', log), "a 5xx in the access log"
    print(f"\nRead replica: setup ({', '.join(f'{k} at {v:.1f}s' for k, v in took.items())}); "
          f"the change reached the public pages {caught_up:.1f}s after replay resumed; "
          f"{len(PUBLIC_PAGES) + 1} pages answered from the primary {fallback:.2f}s after the "
          f"replica stopped; total {time.monotonic() - began:.1f}s")
