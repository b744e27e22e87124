"""Benchmark of Apply for Trial submissions through gunicorn on PostgreSQL + Redis.

    .venv/bin/python bench/trials/run.py [--submissions 300] [--concurrency 16] [--workers 2]

Creates (and afterwards drops) the database `center_trials_bench`, migrates it and loads the
demo pages and products, starts gunicorn with the rate limit lifted, then has
`--concurrency` clients each open the form and submit it (distinct applicants) until
`--submissions` are done. Reports submissions per second and the POST's p50/p99, then checks
that every submission was stored exactly once with its two outbox rows. Tasks go to Redis
(no worker runs; the queue is purged at the end). Needs PostgreSQL at 127.0.0.1:5432 (user
postgres, trust) and Redis at 127.0.0.1:6379; BENCH_REDIS_DB picks the Redis db (default 13)."""

import argparse
import http.client
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DB = "center_trials_bench"
PORT = 8059
REDIS = f"redis://127.0.0.1:6379/{os.environ.get('BENCH_REDIS_DB', '13')}"
FORM = "/en/apply-for-trial/"
INTENDED_USE = ("A benchmark applicant describing, at the required length, how the product "
                "would be used responsibly and who would be affected.")


def environment() -> dict:
    env = dict(os.environ)
    env.update({
        "DJANGO_SETTINGS_MODULE": "bench_settings",
        "PYTHONPATH": f"{Path(__file__).parent}:{ROOT}",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DB}",
        "CACHE_URL": REDIS, "CELERY_BROKER_URL": REDIS, "CELERY_RESULT_BACKEND": REDIS,
        "EMAIL_URL": "dummymail://", "DEMO_MODE": "false",
        "TRIALS_RATE_LIMIT_ENABLED": "false", "TRIALS_MIN_FILL_SECONDS": "0",
    })
    return env


def manage(*args: str, env: dict) -> str:
    return subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True,
                          capture_output=True, text=True).stdout


def psql(sql: str) -> None:
    subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql], check=True,
                   capture_output=True)


def prepare(env: dict) -> None:
    psql(f"DROP DATABASE IF EXISTS {DB}")
    psql(f"CREATE DATABASE {DB}")
    manage("migrate", "--noinput", env=env)
    manage("load_demo", env=env)  # the pages, the products and the privacy notice


def start_gunicorn(env: dict, workers: int) -> subprocess.Popen:
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "center.wsgi", "-w", str(workers),
         "-b", f"127.0.0.1:{PORT}", "--log-level", "warning"],
        cwd=ROOT, env=env)
    for _ in range(100):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            connection.request("GET", FORM)
            if connection.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    server.kill()
    sys.exit("gunicorn did not come up")


class Applicant:
    """One keep-alive client: opens the form, then submits it."""

    def __init__(self):
        self.connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)

    def submit(self, number: int) -> float:
        self.connection.request("GET", FORM)
        response = self.connection.getresponse()
        html = response.read().decode()
        cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
        field = lambda name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)  # noqa: E731
        products = re.findall(r'name="products" value="(\d+)"', html)
        body = urlencode([
            ("csrfmiddlewaretoken", field("csrfmiddlewaretoken")),
            ("started", field("started")), ("privacy_notice", field("privacy_notice")),
            ("name", f"Bench Applicant {number}"), ("email", f"bench-{number}@example.org"),
            ("organisation", "Benchmark Org"), ("job_title", "Tester"), ("country", "China"),
            ("sector", "research"), ("products", products[number % len(products)]),
            ("intended_use", INTENDED_USE), ("expected_scale", "pilot"), ("consent", "on"),
        ])
        started = time.perf_counter()
        self.connection.request("POST", FORM, body, {
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}"})
        response = self.connection.getresponse()
        response.read()
        elapsed = time.perf_counter() - started
        if response.status != 302:
            raise RuntimeError(f"submission {number}: HTTP {response.status}")
        return elapsed


def run(submissions: int, concurrency: int, first: int = 0) -> tuple[float, list[float]]:
    local = threading.local()

    def one(number: int) -> float:
        if not hasattr(local, "applicant"):
            local.applicant = Applicant()
        return local.applicant.submit(number)

    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        latencies = list(pool.map(one, range(first, first + submissions)))
    return time.perf_counter() - started, latencies


def check(env: dict, submissions: int) -> str:
    return manage("shell", "--no-imports", "-c", (
        "from center.trials.models import TrialApplication as T, EmailOutbox as E; "
        "apps = T.objects.filter(email__startswith='bench-'); "
        "emails = set(apps.values_list('email', flat=True)); "
        "refs = set(apps.values_list('reference', flat=True)); "
        f"ok = apps.count() == len(emails) == len(refs) == {submissions} "
        f"and E.objects.count() == {2 * submissions}; "
        "print(apps.count(), len(emails), E.objects.count(), 'OK' if ok else 'MISMATCH')"),
        env=env).strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--submissions", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2,
                        help="gunicorn sync workers (2, as make bench; more only contend "
                             "for the 2 cores: 4 gave 120/s, p99 317 ms)")
    parser.add_argument("--warmup", type=int, default=32,
                        help="submissions first, stored and checked but not timed: each "
                             "worker's first requests (imports, connections) are not the "
                             "steady state")
    args = parser.parse_args()
    env = environment()
    prepare(env)
    server = start_gunicorn(env, args.workers)
    try:
        run(args.warmup, args.concurrency, first=args.submissions)
        elapsed, latencies = run(args.submissions, args.concurrency)
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = check(env, args.warmup + args.submissions)
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    print(f"{args.submissions} submissions, {args.concurrency} clients, {args.workers} gunicorn "
          f"workers: {args.submissions / elapsed:.1f} submissions/s (form GET + POST each)")
    print(f"POST latency: p50 {statistics.median(latencies) * 1000:.0f} ms, "
          f"p99 {p99 * 1000:.0f} ms, max {ordered[-1] * 1000:.0f} ms "
          f"(after {args.warmup} submissions not timed)")
    print(f"stored (applications, distinct emails, outbox rows): {stored}")
    import redis  # the queued tasks have no worker: leave the Redis db clean

    redis.Redis.from_url(REDIS).delete("celery")
    psql(f"DROP DATABASE IF EXISTS {DB}")
    if not stored.endswith("OK"):
        sys.exit(1)


if __name__ == "__main__":
    main()
