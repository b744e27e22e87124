"""Issue 12, item 3: PostgreSQL killed (SIGKILL) and restarted under load.

A PostgreSQL of the test's own (initdb into a temporary folder, another port, loopback only —
never the machine's shared server) serves a gunicorn that three visitors keep busy with
pages and both forms. The postmaster is killed; during the outage every answer is the
translated 503 with Retry-After; once pg_ctl has started it again, every request succeeds
within 5 s with no manual step (persistent connections are health-checked before reuse), and
every address that was thanked is in the database."""

import glob
import html
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from http.cookiejar import CookieJar
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from center.newsletter.models import Subscriber
from center.site.demo.loader import load_demo_pages
from center.trials import demo as trials_demo
from center.trials.models import TrialApplication
from tests.people.factories import PersonFactory
from tests.support.postgres import Cluster, copy_test_database, postgres_bin
from tests.support.processes import (
    ROOT,
    free_port,
    gunicorn_command,
    logged_process,
    wait_until_serving,
)

GUNICORN_WORKERS = 2
VISITORS = 3
WARM_SECONDS, OUTAGE_SECONDS, AFTER_SECONDS = 2, 3, 6
RECOVERY_LIMIT = 5
SPARE_TRIAL_FORMS = 4
TRIAL, SIGN_UP = "/en/apply-for-trial/", "/en/newsletter/"
KILL_GRACE = 0.5
ENGLISH_503 = "The site cannot reach its database for a moment."
CHINESE_503 = "网站暂时无法连接数据库"

# The tests' settings, plus static files served from the source tree (no collectstatic).
SETTINGS_MODULE = '''from center.settings.test import *  # noqa: F401,F403

WHITENOISE_USE_FINDERS = True
'''

# The same content in a process of its own, when the tests' database is not PostgreSQL.
LOAD_DEMO = """
import django
django.setup()
from tests.integration.test_database_restart import demo_content
demo_content()
"""


def _children(pid: int) -> list[int]:
    children = []
    for stat in glob.glob("/proc/[0-9]*/stat"):
        try:
            fields = Path(stat).read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            children.append(int(Path(stat).parent.name))
    return children


def _wait_gone(pids: list[int], timeout: float) -> None:
    # Backends of a killed postmaster exit on their own; a new one refuses to start while
    # they still hold the old shared memory.
    deadline = time.monotonic() + timeout
    while any(Path(f"/proc/{pid}").exists() for pid in pids):
        if time.monotonic() > deadline:
            pytest.fail("the killed postmaster's backends did not exit")
        time.sleep(0.05)


def demo_content() -> None:
    """Only what the visitors use: the page tree with its apphooks, the trial products and
    privacy notice, one speaker (the people demo's portraits take long to render)."""
    load_demo_pages()
    trials_demo.load_demo_content()
    PersonFactory(slug="ada-lovelace", name="Ada Lovelace")


def _django_env(cluster: Cluster, **extra) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.test",
           "DATABASE_URL": cluster.url, "MEDIA_ROOT": str(cluster.home / "media")}
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL", "TEST_SMTP_PORT"):
        env.pop(name, None)  # tasks in-process, a local cache, email kept in memory
    env.update(extra)
    return env


class Visitor:
    """One browser: cookies kept, redirects NOT followed, so every answer is seen."""

    def __init__(self, base: str):
        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect)

    def fetch(self, path: str, data: dict | None = None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=15) as response:
                return response.status, response.headers, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode()


def _hidden(page: str, name: str) -> str:
    match = re.search(rf'name="{name}" value="([^"]*)"', page) or re.search(
        rf'value="([^"]*)" name="{name}"', page)
    assert match, f"no hidden {name} in the form"
    return html.unescape(match.group(1))


class Load(threading.Thread):
    """A visitor going round the site: pages in both languages, a trial application and a
    newsletter sign-up, each with a new address. Every answer is recorded; an address is
    "thanked" only when its thank-you page was shown."""

    def __init__(self, base: str, number: int, person_path: str, stop: threading.Event):
        super().__init__(daemon=True)
        self.visitor, self.number, self.stop = Visitor(base), number, stop
        self.pages = ["/en/", "/en/news/", "/zh-hans/events/", person_path, "/zh-hans/"]
        self.records = []  # (started, ended, what, status, problem or "")
        self.thanked = {"trial": set(), "newsletter": set()}
        self.sent = 0
        # Each trial form carries a single-use start token: the visitor keeps a few forms
        # open in other tabs, so applications are still sent while no form page can load.
        forms = [self.visitor.fetch(TRIAL)[2] for _tab in range(SPARE_TRIAL_FORMS)]
        self.spare_starts = [_hidden(form, "started") for form in forms]
        self.trial = {
            "csrfmiddlewaretoken": _hidden(forms[0], "csrfmiddlewaretoken"),
            "privacy_notice": _hidden(forms[0], "privacy_notice"),
            "products": re.findall(r'name="products" value="(\d+)"', forms[0])[:1],
            "name": "Ada Lovelace", "organisation": "Analytical Hospital",
            "job_title": "Chief Medical Officer", "country": "United Kingdom",
            "sector": "healthcare", "expected_scale": "pilot", "phone": "",
            "intended_use": "We will use it to triage radiology referrals, with a doctor "
                            "checking every suggestion before it reaches a patient.",
            "consent": "on", "website": ""}
        assert self.trial["products"], "no product offered on the trial form"
        form = self.visitor.fetch(SIGN_UP)[2]
        self.newsletter = {"csrfmiddlewaretoken": _hidden(form, "csrfmiddlewaretoken"),
                           "language": "en", "topics": ["news"], "consent": "on",
                           "website": "", "source": "/en/"}

    def _record(self, started, what, status, headers, body, *, expect_redirect=False) -> bool:
        problem = ""
        if status == 503:
            text = CHINESE_503 if what.startswith("GET /zh-hans/") else ENGLISH_503
            if not headers.get("Retry-After", "").isdigit():
                problem = "503 without Retry-After"
            elif "no-store" not in headers.get("Cache-Control", ""):
                problem = "503 without no-store"
            elif text not in body:
                problem = "503 without the translated outage text"
        elif status != (302 if expect_redirect else 200):
            problem = f"unexpected {status}: {body[-300:]}"
        self.records.append((started, time.monotonic(), what, status, problem))
        return status == (302 if expect_redirect else 200) and not problem

    def _request(self, what, path, data=None, *, expect_redirect=False):
        """The answer's headers and body when it was the expected one, else None."""
        started = time.monotonic()
        try:
            status, headers, body = self.visitor.fetch(path, data)
        except OSError as error:  # no HTTP answer at all (URLError is an OSError too)
            self.records.append((started, time.monotonic(), what, 0, f"no answer: {error}"))
            return None
        if self._record(started, what, status, headers, body, expect_redirect=expect_redirect):
            return headers, body
        return None

    def _submit(self, kind: str, path: str, data: dict, thanks_mark: str):
        self.sent += 1
        email = f"{kind}-{self.number}-{self.sent}@example.org"
        answer = self._request(f"POST {path}", path, {**data, "email": email},
                               expect_redirect=True)
        if answer is None:
            return
        thanks = self._request(f"GET {kind} thanks", answer[0]["Location"])
        if thanks is not None and thanks_mark in thanks[1]:
            self.thanked[kind].add(email)

    def run(self):
        while not self.stop.is_set():
            self.go_round()

    def go_round(self):
        """Every page once, then a trial application and a newsletter sign-up."""
        for page in self.pages:
            self._request(f"GET {page}", page)
        form = self._request(f"GET {TRIAL}", TRIAL)
        if form is not None:
            started = _hidden(form[1], "started")
        elif self.spare_starts:
            started = self.spare_starts.pop()
        else:
            started = None
        if started is not None:
            self._submit("trial", TRIAL, {**self.trial, "started": started}, "TR-")
        self._submit("newsletter", SIGN_UP, self.newsletter, "Check your inbox")


def _stored_emails(cluster: Cluster) -> dict[str, set[str]]:
    with psycopg2.connect(host="127.0.0.1", port=cluster.port, user="postgres",
                          dbname="portal") as db, db.cursor() as cursor:
        stored = {}
        for kind, model in (("trial", TrialApplication), ("newsletter", Subscriber)):
            cursor.execute(f"SELECT email FROM {model._meta.db_table}")  # noqa: S608
            stored[kind] = {email for (email,) in cursor.fetchall()}
        return stored


def _prepare(cluster: Cluster, bindir: Path) -> dict[str, float]:
    """The database, ready for gunicorn; returns how long each step took (seconds)."""
    took, began = {}, time.monotonic()

    def new_cluster():
        cluster.initdb()
        cluster.start()
        cluster.run("createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres",
                    "portal")
        took["initdb"] = time.monotonic() - began

    with ThreadPoolExecutor(max_workers=1) as pool:
        initdb = pool.submit(new_cluster)  # meanwhile, the content is written here
        if connection.vendor == "postgresql":
            demo_content()
            took["demo"] = time.monotonic() - began
            initdb.result()
            copy_test_database(cluster)
        else:
            initdb.result()
            for command in (["manage.py", "migrate", "-v0"], ["-c", LOAD_DEMO]):
                subprocess.run([sys.executable, *command], cwd=ROOT, env=_django_env(cluster),
                               check=True, capture_output=True, timeout=600)
    took["ready"] = time.monotonic() - began
    return took


def test_postgres_killed_and_restarted_under_load(transactional_db,
                                                  django_db_serialized_rollback, tmp_path):
    bindir = postgres_bin()
    if bindir is None:
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    began = time.monotonic()
    cluster = Cluster(bindir, tmp_path)
    try:
        took = _prepare(cluster, bindir)
        (tmp_path / "restart_settings.py").write_text(SETTINGS_MODULE)
        port = free_port()
        env = _django_env(
            cluster, DJANGO_SETTINGS_MODULE="restart_settings",
            PYTHONPATH=os.pathsep.join([str(tmp_path), str(ROOT)]),
            DJANGO_CONN_MAX_AGE="60", WEB_CONCURRENCY=str(GUNICORN_WORKERS),
            TRIALS_MIN_FILL_SECONDS="0", TRIALS_RATE_LIMIT_ENABLED="false",
            NEWSLETTER_SIGNUPS_PER_IP="100000")
        log_path = tmp_path / "gunicorn.log"
        with logged_process(gunicorn_command(port), log_path, env, "gunicorn") as server:
            base = f"http://127.0.0.1:{port}"
            wait_until_serving(base + "/en/speakers/", server, log_path)
            took["gunicorn up"] = time.monotonic() - began
            _status, _headers, speakers = Visitor(base).fetch("/en/speakers/")
            person = re.search(r'href="(/en/speakers/[\w-]+/)"', speakers)
            assert person, "no speaker linked from /en/speakers/"

            stop = threading.Event()
            visitors = [Load(base, n, person.group(1), stop) for n in range(VISITORS)]
            # Goes round once in the middle of the outage, so the outage surely meets a
            # page and both forms' POSTs, however busy the machine keeps the others.
            prober = Load(base, VISITORS, person.group(1), stop)
            for visitor in visitors:
                visitor.start()
            time.sleep(WARM_SECONDS)

            postmaster = cluster.postmaster_pid()
            backends = _children(postmaster)
            killed_at = time.monotonic()
            os.kill(postmaster, signal.SIGKILL)
            time.sleep(OUTAGE_SECONDS)
            _wait_gone([postmaster, *backends], timeout=20)
            prober.go_round()
            # A static file needs no database: the outage page keeps its stylesheet.
            assert Visitor(base).fetch("/static/core/css/site.css")[0] == 200
            restarted_at = time.monotonic()
            cluster.start()
            ready_at = time.monotonic()
            time.sleep(AFTER_SECONDS)
            stop.set()
            for visitor in visitors:
                visitor.join(timeout=30)
            stored = _stored_emails(cluster)
        log = log_path.read_text()
    finally:
        cluster.stop()
        cluster.cleanup()

    visitors.append(prober)
    records = sorted(r for visitor in visitors for r in visitor.records)
    problems = [r for r in records if r[4]]
    assert not problems, f"{len(problems)} wrong answers, e.g. {problems[:5]}"
    before = [r for r in records if r[1] < killed_at]
    # A query already in flight may still be answered in the instant after the kill.
    during = [r for r in records if killed_at + KILL_GRACE <= r[0] and r[1] < restarted_at]
    after = [r for r in records if r[0] >= restarted_at]
    assert before and all(r[3] != 503 for r in before)  # healthy before the kill
    # The outage was met by pages and by both forms' POSTs. Each POST was a 503; a page was
    # a 503 too, or the page itself where the front cache held it (no database needed).
    assert during and all(r[3] == 503 for r in during if r[2].startswith("POST "))
    assert all(r[3] in (200, 503) for r in during)
    assert {f"POST {TRIAL}", f"POST {SIGN_UP}", "GET /en/"} <= {r[2] for r in during}
    failed_after = [r for r in after if r[3] == 503]
    recovery = max((r[1] for r in failed_after), default=restarted_at) - restarted_at
    assert recovery <= RECOVERY_LIMIT, f"still failing {recovery:.1f}s after the restart"
    settled = [r for r in after if r[0] >= restarted_at + RECOVERY_LIMIT]
    assert settled and all(r[3] != 503 for r in settled)

    thanked = {kind: set().union(*(v.thanked[kind] for v in visitors))
               for kind in ("trial", "newsletter")}
    for kind in thanked:
        assert thanked[kind], f"no {kind} was thanked at all"
        missing = thanked[kind] - stored[kind]
        assert not missing, f"thanked but not stored ({kind}): {sorted(missing)}"
    assert not re.search(r'HTTP/1\.[01]" 500 ', log), "a 500 in the access log"

    codes = Counter(r[3] for r in records)
    print(f"\nPostgreSQL SIGKILLed under load: {len(records)} requests "
          f"({dict(sorted(codes.items()))}); {len(during)} during the "
          f"{restarted_at - killed_at:.1f}s outage, all 503 "
          f"({sum(1 for r in during if r[2].startswith('POST'))} form posts); pg_ctl start "
          f"took {ready_at - restarted_at:.2f}s; every request succeeded "
          f"{recovery:.2f}s after the restart began ({len(failed_after)} 503s after it); "
          f"thanked {len(thanked['trial'])} trials + {len(thanked['newsletter'])} sign-ups, "
          f"all stored ({len(stored['trial'])} + {len(stored['newsletter'])} rows); "
          f"setup ({', '.join(f'{k} at {v:.1f}s' for k, v in took.items())}), "
          f"total {time.monotonic() - began:.1f}s")
