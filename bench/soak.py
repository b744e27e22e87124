"""Soak: the portal under steady mixed load for a few minutes, as production runs it.

    make soak                    # or: .venv/bin/python bench/soak.py [--seconds 180]

Production settings on a database of its own (created, then dropped) on the local PostgreSQL,
Redis as broker and cache (db SOAK_REDIS_DB, default 12, flushed), gunicorn with 3 workers,
a Celery worker (prefork, 2 processes) and an SMTP sink, all on 127.0.0.1. `--clients`
visitors browse every sitemap address, the lists, feeds, calendar and search, and now and
then apply for a trial or sign up for the newsletter, each time the way a browser does (the
form first, its tokens posted back).

Passes (exit 0) when, at the end:
- no request failed (no 5xx, no timeout, no refused connection);
- every submission that was thanked is in the database, and its emails reached the sink
  (trial: confirmation + staff notification; sign-up: confirmation), none twice;
- no Celery or gunicorn process grew by more than --max-growth-mb of resident memory between
  the end of the warm-up and the end of the run.
"""

import argparse
import base64
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import xml.etree.ElementTree as ElementTree
from collections import Counter
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.processes import free_port, stop, wait_until_serving  # noqa: E402
from tests.support.visitor import Browser, hidden_value  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
DB = "center_soak"
REDIS = f"redis://127.0.0.1:6379/{os.environ.get('SOAK_REDIS_DB', '12')}"
APPLY, SIGN_UP = "/en/apply-for-trial/", "/en/newsletter/"
REVIEWER = "soak-reviewer@center.example"
FIXED_PAGES = ["/en/", "/zh-hans/", "/en/news/", "/zh-hans/news/", "/en/events/",
               "/en/news/feed/", "/en/events/calendar.ics", "/en/search/?q=ethics",
               "/zh-hans/search/?q=%E4%BC%A6%E7%90%86",  # 伦理
               "/sitemap.xml", "/robots.txt"]
INTENDED_USE = ("A soak-test applicant describing, at the required length, how the product "
                "would be used responsibly and who would be affected by it.")


def environment(port: int, smtp_port: int) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "center.settings.production",
        "DJANGO_SECRET_KEY": base64.b64encode(os.urandom(36)).decode(),
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
        "CACHE_URL": REDIS, "CELERY_BROKER_URL": REDIS,
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        "SITE_DOMAIN": f"127.0.0.1:{port}",
        # Plain http on loopback, uploads served by the app, one visitor IP for all clients.
        "DJANGO_SECURE_SSL_REDIRECT": "false", "META_SITE_PROTOCOL": "http",
        "DJANGO_SERVE_MEDIA": "true", "WEB_CONCURRENCY": "3",
        "TRIALS_RATE_LIMIT_ENABLED": "false", "TRIALS_MIN_FILL_SECONDS": "0",
        "NEWSLETTER_SIGNUPS_PER_IP": "1000000", "LOG_LEVEL": "WARNING",
    }


def run(*args: str, env: dict) -> str:
    return subprocess.run(args, cwd=ROOT, env=env, check=True, capture_output=True,
                          text=True).stdout


def psql(sql: str) -> list[str]:
    output = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", DB, "-tA", "-c", sql],
        check=True, capture_output=True, text=True).stdout
    return [line for line in output.splitlines() if line]


def prepare(env: dict) -> None:
    for sql in (f"DROP DATABASE IF EXISTS {DB}", f"CREATE DATABASE {DB}"):
        run("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql, env=env)
    run("redis-cli", "-u", REDIS, "flushdb", env=env)
    run(PYTHON, "manage.py", "migrate", "--noinput", env=env)
    run(PYTHON, "manage.py", "load_demo", env=env)
    run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    run(PYTHON, "manage.py", "shell", "-c", (
        "from django.contrib.auth.models import Group, User;"
        f"u = User.objects.create_user('soak-reviewer', '{REVIEWER}', is_staff=True);"
        "u.groups.add(Group.objects.get(name='Reviewers'))"), env=env)


class Processes:
    """gunicorn, the Celery worker and the SMTP sink, with their logs in one folder."""

    def __init__(self, env: dict, port: int, smtp_port: int, log_dir: Path):
        self.env, self.log_dir, self.started = env, log_dir, {}
        self.sink_file = log_dir / "sink.txt"
        self.commands = {
            "sink": [PYTHON, "bench/newsletter/sink.py", str(smtp_port), str(self.sink_file)],
            "gunicorn": [str(ROOT / ".venv/bin/gunicorn"), "center.wsgi", "--config",
                         "deploy/gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
            "worker": [PYTHON, "-m", "celery", "-A", "center", "worker", "--pool=prefork",
                       "--concurrency=2", "--without-gossip", "--without-mingle",
                       "--loglevel=WARNING", "-n", "soak@%h"],
        }

    def start(self):
        self.sink_file.unlink(missing_ok=True)  # the sink appends; this run counts its own
        for name, command in self.commands.items():
            with open(self.log_dir / f"{name}.log", "w") as log:
                self.started[name] = subprocess.Popen(command, cwd=ROOT, env=self.env,
                                                      stdout=log, stderr=subprocess.STDOUT)

    def stop(self):
        for process in self.started.values():
            stop(process)

    def resident_mb(self) -> dict[str, float]:
        """Resident memory of every gunicorn and Celery process (the masters' children)."""
        sizes = {}
        for name in ("gunicorn", "worker"):
            parent = self.started[name].pid
            for pid in [parent, *_children(parent)]:
                rss = _rss_mb(pid)
                if rss is not None:
                    sizes[f"{name}[{pid}]"] = rss
        return sizes


def _children(pid: int) -> list[int]:
    try:
        return [int(child) for child in
                Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _rss_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Load:
    """Visitors in threads; every outcome counted, every thanked submission remembered."""

    def __init__(self, base: str, pages: list[str], seed: int):
        self.base, self.pages = base, pages
        self.codes, self.failures, self.latencies = Counter(), [], []
        self.thanked = {"trial": [], "signup": []}
        self.lock = threading.Lock()
        self.seed = seed
        self.serial = 0

    def visitor(self, stop_at: float, name: int):
        choose = random.Random(f"{self.seed}-{name}")
        while time.monotonic() < stop_at:
            roll = choose.random()
            if roll < 0.08:
                self.attempt(self.apply)
            elif roll < 0.16:
                self.attempt(self.sign_up)
            else:
                self.attempt(partial(self.get, choose.choice(self.pages)))

    def warm_up(self, name: int):
        pages = list(self.pages)
        random.Random(f"{self.seed}-warm-{name}").shuffle(pages)
        for step in [*(partial(self.get, page) for page in pages), self.apply, self.sign_up]:
            self.attempt(step)

    def attempt(self, step):
        try:
            step()
        except Exception as error:  # noqa: BLE001 (every failure is counted, none stops)
            self.record_failure(f"{type(error).__name__}: {error}")

    def next_serial(self) -> int:
        with self.lock:
            self.serial += 1
            return self.serial

    def record_failure(self, what: str):
        with self.lock:
            self.failures.append(what)

    def get(self, path: str, browser: Browser | None = None):
        browser = browser or Browser(self.base)
        started = time.monotonic()
        try:
            status, url, page = browser.get(path)
        except urllib.error.HTTPError as error:
            status, url, page = error.code, path, ""
        with self.lock:
            self.codes[status] += 1
            self.latencies.append(time.monotonic() - started)
        if status != 200:  # every address in the mix answers 200 (redirects followed)
            self.record_failure(f"GET {path}: {status}")
        return status, url, page

    def post(self, browser: Browser, path: str, data: dict, kind: str, email: str, thanks: str):
        try:
            status, url, page = browser.post(path, data)
        except urllib.error.HTTPError as error:
            status, url, page = error.code, path, ""
        with self.lock:
            self.codes[status] += 1
        if status == 200 and thanks in url:
            with self.lock:
                self.thanked[kind].append(email)
        else:
            error = re.search(r'class="[^"]*error[^"]*"[^>]*>(.{0,200})', page, re.S)
            said = re.sub(r"<[^>]+>|\s+", " ", error.group(1)).strip() if error else ""
            self.record_failure(f"POST {path} ({email}): {status} at {url} {said}")

    def apply(self):
        browser = Browser(self.base)
        _status, _url, page = self.get(APPLY, browser)
        email = f"applicant{self.next_serial()}@soak.example"
        product = re.search(r'name="products" value="(\d+)"', page)
        self.post(browser, APPLY, {
            "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"),
            "started": hidden_value(page, "started"),
            "privacy_notice": hidden_value(page, "privacy_notice"),
            "name": "Soak Applicant", "email": email, "organisation": "Soak Institute",
            "job_title": "Tester", "country": "China", "sector": "healthcare",
            "products": [product.group(1)] if product else [], "intended_use": INTENDED_USE,
            "expected_scale": "pilot", "phone": "", "consent": "on", "website": "",
        }, "trial", email, "/apply-for-trial/thanks/")

    def sign_up(self):
        browser = Browser(self.base)
        _status, _url, page = self.get(SIGN_UP, browser)
        email = f"reader{self.next_serial()}@soak.example"
        self.post(browser, SIGN_UP, {
            "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"),
            "email": email, "language": "en", "topics": ["news"], "consent": "on",
            "website": "", "source": "/en/"}, "signup", email, "/newsletter/thanks/")


def run_visitors(target, clients: int):
    threads = [threading.Thread(target=target, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def sitemap_pages(base: str) -> list[str]:
    _status, _url, body = Browser(base).get("/sitemap.xml")
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text for loc in ElementTree.fromstring(body).iterfind("sm:url/sm:loc", namespace)]
    return [re.sub(r"^https?://[^/]+", "", url) for url in urls]


def sink_messages(path: Path) -> list[tuple[str, str]]:
    if not path.exists():
        return []
    return [tuple(line.split(" ", 1)) for line in path.read_text().splitlines() if line]


def expected_mail(thanked: dict) -> Counter:
    expected = Counter({email: 1 for email in thanked["trial"] + thanked["signup"]})
    expected[REVIEWER] = len(thanked["trial"])
    return expected


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("SOAK_SECONDS", 180)))
    parser.add_argument("--clients", type=int, default=6)
    parser.add_argument("--max-growth-mb", type=float, default=40)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()

    port, smtp_port = free_port(), free_port()
    env = environment(port, smtp_port)
    log_dir = ROOT / ".cache" / "soak"
    log_dir.mkdir(parents=True, exist_ok=True)
    print(f"soak: preparing database {DB} (migrate, demo, static); logs in {log_dir}")
    prepare(env)
    processes = Processes(env, port, smtp_port, log_dir)
    base = f"http://127.0.0.1:{port}"
    try:
        processes.start()
        wait_until_serving(base + "/healthz", processes.started["gunicorn"],
                           log_dir / "gunicorn.log")
        pages = sorted(set(sitemap_pages(base) + FIXED_PAGES))
        load = Load(base, pages, args.seed)
        # Warm-up: every visitor walks every address once and submits each form once, so
        # each process has loaded what it loads once (templates, jieba's dictionary, task
        # modules) before memory is measured.
        print(f"soak: warm-up, {args.clients} visitors over {len(pages)} addresses")
        run_visitors(load.warm_up, args.clients)
        memory_start = processes.resident_mb()
        warm_up_requests = sum(load.codes.values())
        load.latencies.clear()
        print(f"soak: {args.clients} visitors for {args.seconds} s")
        stop_at = time.monotonic() + args.seconds
        started = time.monotonic()
        run_visitors(lambda name: load.visitor(stop_at, name), args.clients)
        elapsed = time.monotonic() - started
        memory_end = processes.resident_mb()

        expected = expected_mail(load.thanked)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            received = Counter(to for to, _id in sink_messages(processes.sink_file))
            if received >= expected:
                break
            time.sleep(1)
        time.sleep(3)  # a late duplicate would arrive now
        messages = sink_messages(processes.sink_file)
        received = Counter(to for to, _id in messages)
        ids = Counter(message_id for _to, message_id in messages)
    finally:
        processes.stop()

    stored_trials = set(psql("SELECT email FROM trials_trialapplication"))
    stored_signups = set(psql("SELECT email FROM newsletter_subscriber"))
    lost = ([e for e in load.thanked["trial"] if e not in stored_trials]
            + [e for e in load.thanked["signup"] if e not in stored_signups])
    missing_mail = expected - received
    duplicate_ids = [message_id for message_id, count in ids.items() if count > 1]
    growth = {name: memory_end[name] - size for name, size in memory_start.items()
              if name in memory_end}
    worst = max(growth.items(), key=lambda item: item[1], default=("-", 0.0))
    requests = sum(load.codes.values()) - warm_up_requests
    latencies = sorted(load.latencies)

    print(f"requests: {requests} ({requests / elapsed:.1f}/s over the timed {elapsed:.0f} s), "
          f"status codes (warm-up included) {dict(sorted(load.codes.items()))}")
    if latencies:
        print(f"GET latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
              f"p99 {latencies[int(len(latencies) * 0.99) - 1] * 1000:.0f} ms")
    print(f"submissions thanked: {len(load.thanked['trial'])} trial applications, "
          f"{len(load.thanked['signup'])} sign-ups; lost: {len(lost)}")
    print(f"emails: {len(messages)} received, {sum(expected.values())} expected, "
          f"missing {sum(missing_mail.values())}, duplicate Message-IDs {len(duplicate_ids)}")
    print("resident memory (MB, after the warm-up → at the end):")
    for name in sorted(memory_start):
        if name in memory_end:
            print(f"  {name:22} {memory_start[name]:7.1f} → {memory_end[name]:7.1f} "
                  f"({growth[name]:+.1f})")
    print(f"largest growth: {worst[0]} {worst[1]:+.1f} MB (bound {args.max_growth_mb} MB)")
    for failure in load.failures[:20]:
        print(f"  failure: {failure}")

    ok = (not load.failures and not lost and not missing_mail and not duplicate_ids
          and worst[1] <= args.max_growth_mb and all(load.thanked.values()))
    run("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c",
        f"DROP DATABASE IF EXISTS {DB}", env=env)
    print("soak: PASS" if ok else "soak: FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
