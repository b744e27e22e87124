"""Page speed, side by side in one run: `make bench` (or .venv/bin/python bench/pages/run.py).

Starts, all on 127.0.0.1:
- the floor: a bare Django view returning as many bytes as the home page (floor_settings.py),
  under the portal's gunicorn configuration (deploy/gunicorn.conf.py, 2 sync workers); it is
  measured again before each page with that page's bytes, and the page's rows are "× floor"
  of that one (the same size, the same load on the machine a few seconds apart);
  likewise each page's "via nginx" row is "× static nginx" of nginx sending that page's
  bytes as a file, measured just before it;
- the limit: nginx serving a static file of the same bytes;
- the portal with production settings on PostgreSQL (a database of its own, demo content)
  and a Redis cache, under the same gunicorn: "cached" rows;
- the portal again with every cache off (uncached_settings.py): "uncached" rows;
- nginx with the shipped configuration (deploy/nginx/) in front of the cached portal:
  "via nginx" rows (micro-cache).
Warms each target up, runs `wrk -t2 -c32 -d<seconds>s --latency` against it, prints one table
and writes it to .cache/bench/pages-<date>.md. Everything it started is stopped at the end
(also on Ctrl-C or a failure), and its database is dropped unless --keep-database.

SQL/request: counted by count_queries.py, one anonymous request through Django's test client
with the same settings after one warm-up request (for "cached", against the same Redis the
cached portal filled). For "via nginx" it is that figure times the share of wrk's requests
that reached gunicorn (its access log lines during the run): what the database really saw.
"""

import argparse
import base64
import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from tests.support.processes import free_port  # noqa: E402

PYTHON = str(ROOT / ".venv/bin/python")
GUNICORN = [str(ROOT / ".venv/bin/gunicorn"), "--config", "deploy/gunicorn.conf.py"]
# The first address in the sitemap that matches each pattern; the others are fixed.
SITEMAP_PICKS = {
    "a news story": r"^/en/news/(?!feed/|tag/)[^/]+/$",
    "an event": r"^/en/events/[^/]+/$",
    "a speaker": r"^/en/speakers/[^/]+/$",
    "a whitepaper": r"^/en/whitepapers/[^/]+/$",
}
FIXED = {"home": "/en/", "home zh-hans": "/zh-hans/", "events list": "/en/events/",
         "the Code": "/en/code-of-ethics/"}
ORDER = ["home", "home zh-hans", "a news story", "an event", "events list", "a speaker",
         "a whitepaper", "the Code"]


class Stopped(Exception):
    pass


def _terminate(_signum, _frame):
    raise Stopped("terminated")


class Processes:
    """Each server in a process group of its own, so stopping it stops its workers too."""

    def __init__(self, log_dir: Path):
        self.log_dir, self.started = log_dir, []

    def start(self, name: str, command: list[str], env: dict) -> subprocess.Popen:
        with open(self.log_dir / f"{name}.log", "w") as log:
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True)
        self.started.append(process)
        return process

    def stop_all(self):
        for process in self.started:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 20
        for process in self.started:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def wait_for(url: str, process: subprocess.Popen, seconds: float = 120):
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=10).close()
            return
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{url} did not answer (see .cache/bench logs)") from None
            time.sleep(0.3)


def fetch(url: str) -> tuple[int, bytes, dict]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(NoRedirect).open(url, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, b"", dict(error.headers)


def run(*command: str, env: dict, capture: bool = True) -> str:
    return subprocess.run(command, cwd=ROOT, env=env, check=True, text=True,
                          capture_output=capture).stdout


def portal_env(args, port: int) -> dict:
    return {**os.environ,
            "DJANGO_SETTINGS_MODULE": "center.settings.production",
            "DJANGO_SECRET_KEY": base64.b64encode(os.urandom(36)).decode(),
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{args.database}",
            "CACHE_URL": f"redis://127.0.0.1:6379/{args.cache_db}",
            "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{args.broker_db}",
            "EMAIL_URL": "consolemail://", "SITE_DOMAIN": f"127.0.0.1:{port}",
            "MEDIA_ROOT": str(args.out / "media"), "WEB_CONCURRENCY": "2",
            "DJANGO_SECURE_SSL_REDIRECT": "false", "META_SITE_PROTOCOL": "http",
            "DJANGO_SERVE_MEDIA": "false", "DJANGO_X_ACCEL_REDIRECT_PREFIX": "/internal-media/",
            "LOG_LEVEL": "WARNING", "PYTHONPATH": f"{HERE}:{ROOT}"}


def prepare_database(args, env: dict):
    psql = ["psql", "-h", "127.0.0.1", "-U", "postgres", "-qtA", "-c"]
    exists = run(*psql, f"SELECT 1 FROM pg_database WHERE datname = '{args.database}'",
                 env=env).strip()
    if not (exists and args.keep_database):
        run(*psql, f"DROP DATABASE IF EXISTS {args.database}", env=env)
        run(*psql, f"CREATE DATABASE {args.database}", env=env)
        print(f"bench: migrating {args.database} and loading the demo content", flush=True)
        run(PYTHON, "manage.py", "migrate", "--noinput", env=env)
        run(PYTHON, "manage.py", "load_demo", env=env)
    run(PYTHON, "manage.py", "collectstatic", "--noinput", "-v0", env=env)
    run("redis-cli", "-n", str(args.cache_db), "flushdb", env=env)


def pick_pages(base: str) -> dict[str, str]:
    _status, body, _headers = fetch(base + "/sitemap.xml")
    namespace = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    paths = [re.sub(r"^https?://[^/]+", "", loc.text) for loc in
             ElementTree.fromstring(body).iterfind("sm:url/sm:loc", namespace)]
    pages = dict(FIXED)
    for label, pattern in SITEMAP_PICKS.items():
        found = [path for path in paths if re.match(pattern, path)]
        if found:
            pages[label] = found[0]
    return {label: pages[label] for label in ORDER if label in pages}


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * UNITS[unit]


def wrk(url: str, seconds: int, connections: int) -> dict:
    # A long timeout: wrk's default (2 s) would drop the slowest answers from the percentiles.
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "60s", "--latency",
         url], check=True, capture_output=True, text=True).stdout
    latency = dict(re.findall(r"^\s+(50|99)(?:\.000)?%\s+(\S+)\s*$", output, re.M))
    if not latency:
        raise RuntimeError(f"wrk measured nothing on {url}:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    sockets = re.search(r"Socket errors: (.*)$", output, re.M)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
            "requests": int(re.search(r"(\d+) requests in", output).group(1)),
            "p50": _ms(latency["50"]), "p99": _ms(latency["99"]),
            "errors": (int(errors.group(1)) if errors else 0), "sockets": sockets and
            sockets.group(1)}


def access_lines(log: Path) -> int:
    return sum(1 for line in log.read_text(errors="replace").splitlines()
               if "gunicorn.access" in line)


def write_nginx(args, web_port: int, static_port: int, app_port: int, page: bytes,
                sized: dict[int, bytes]) -> Path:
    conf = args.out / "nginx"
    run(PYTHON, "deploy/nginx/render.py", "--out", str(conf), "--listen",
        f"127.0.0.1:{web_port}", "--upstream", f"127.0.0.1:{app_port}",
        "--static-root", str(ROOT / "staticfiles"), "--media-root", str(args.out / "media"),
        env=os.environ)
    static_root = conf / "limit"
    static_root.mkdir(exist_ok=True)
    (static_root / "index.html").write_bytes(page)
    for size, body in sized.items():  # /<size>.html: a page's own bytes
        (static_root / f"{size}.html").write_bytes(body)
    (conf / "limit.conf").write_text(
        f"server {{\n    listen 127.0.0.1:{static_port};\n    root {static_root};\n"
        "    location / { try_files $uri /index.html; }\n}\n")
    main = conf / "nginx.conf"
    main.write_text(main.read_text().replace(
        f"include {conf}/center.conf;",
        f"include {conf}/center.conf;\n    include {conf}/limit.conf;"))
    return conf


def table(rows: list[dict], floor: float, limit: float) -> str:
    lines = ["| target | req/s | p50 | p99 | SQL/request | bytes | × floor | × static nginx |",
             "|---|---|---|---|---|---|---|---|"]
    for row in rows:
        r = row["result"]
        sql = row.get("sql", "–")
        sql = f"{sql:.4f}".rstrip("0").rstrip(".") if isinstance(sql, float) else sql
        errors = f" ({r['errors']} non-2xx)" if r["errors"] else ""
        lines.append(
            f"| {row['target']}{errors} | {r['rps']:,.0f} | {r['p50']:.1f} ms | "
            f"{r['p99']:.1f} ms | {sql} | {row['bytes']:,} | "
            f"{r['rps'] / row.get('floor', floor):.3f} | "
            f"{r['rps'] / row.get('limit', limit):.3f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 5)),
                        help="wrk's duration per target (default 5)")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--database", default="center_bench_pages")
    parser.add_argument("--cache-db", type=int, default=8, help="Redis database, flushed")
    parser.add_argument("--broker-db", type=int, default=9, help="Redis database (no worker)")
    parser.add_argument("--keep-database", action="store_true",
                        help="reuse the database if it exists and keep it at the end")
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "bench")
    args = parser.parse_args()
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    signal.signal(signal.SIGTERM, _terminate)

    cached_port, uncached_port, floor_port = free_port(), free_port(), free_port()
    web_port, static_port = free_port(), free_port()
    env = portal_env(args, cached_port)
    uncached_env = {**portal_env(args, uncached_port),
                    "DJANGO_SETTINGS_MODULE": "uncached_settings"}
    processes = Processes(args.out)
    load_before = os.getloadavg()
    try:
        prepare_database(args, env)
        bind = ["--bind"]
        cached = processes.start("portal-cached", [*GUNICORN, "center.wsgi", *bind,
                                                   f"127.0.0.1:{cached_port}"], env)
        uncached = processes.start("portal-uncached", [*GUNICORN, "center.wsgi", *bind,
                                                       f"127.0.0.1:{uncached_port}"], uncached_env)
        cached_base, uncached_base = (f"http://127.0.0.1:{p}" for p in (cached_port,
                                                                         uncached_port))
        wait_for(cached_base + "/healthz", cached)
        wait_for(uncached_base + "/healthz", uncached)
        pages = pick_pages(cached_base)
        sizes = {}
        bodies = {}
        for label, path in pages.items():
            status, body, _headers = fetch(cached_base + path)
            if status != 200:
                raise RuntimeError(f"{label} {path} answered {status}, not 200")
            sizes[label], bodies[len(body)] = len(body), body
        home = fetch(cached_base + pages["home"])[1]
        floor_env = {**os.environ, "DJANGO_SETTINGS_MODULE": "floor_settings",
                     "FLOOR_BYTES": str(max(len(home), *sizes.values())),
                     "WEB_CONCURRENCY": "2",
                     "PYTHONPATH": f"{HERE}:{ROOT}"}
        floor = processes.start("floor", [*GUNICORN, "floor_wsgi", *bind,
                                          f"127.0.0.1:{floor_port}"], floor_env)
        conf = write_nginx(args, web_port, static_port, cached_port, home, bodies)
        nginx = processes.start("nginx", ["nginx", "-p", str(conf), "-c", str(conf / "nginx.conf"),
                                          "-g", "daemon off;"], os.environ)
        wait_for(f"http://127.0.0.1:{floor_port}/", floor)
        wait_for(f"http://127.0.0.1:{static_port}/", nginx)
        wait_for(f"http://127.0.0.1:{web_port}/healthz", nginx)

        def measure(url: str) -> dict:
            wrk(url, 1, 4)  # warm-up: every worker has rendered (and cached) it once
            return wrk(url, args.seconds, args.connections)

        rows = [
            {"target": "nginx, same bytes (the limit)", "bytes": len(home),
             "result": measure(f"http://127.0.0.1:{static_port}/")},
            {"target": "bare Django view (the floor)", "bytes": len(home), "sql": 0,
             "result": measure(f"http://127.0.0.1:{floor_port}/")},
        ]
        print(f"bench: {len(pages)} pages × (floor and static nginx of its size, cached, "
              f"uncached, via nginx), {args.seconds} s each", flush=True)
        sql = {"cached": json.loads(run(PYTHON, str(HERE / "count_queries.py"),
                                        *pages.values(), env=env)),
               "uncached": json.loads(run(PYTHON, str(HERE / "count_queries.py"),
                                          *pages.values(), env=uncached_env))}
        gunicorn_log = args.out / "portal-cached.log"
        for label, path in pages.items():
            # Its own floor, just before: the same bytes, and the same load on the machine.
            page_floor = measure(f"http://127.0.0.1:{floor_port}/{sizes[label]}")
            rows.append({"target": f"{label}: the floor, same bytes", "bytes": sizes[label],
                         "sql": 0, "result": page_floor, "floor": page_floor["rps"]})
            rows.append({"target": f"{label} `{path}` cached", "bytes": sizes[label],
                         "sql": sql["cached"][path], "result": measure(cached_base + path),
                         "floor": page_floor["rps"]})
            rows.append({"target": f"{label} uncached", "bytes": sizes[label],
                         "sql": sql["uncached"][path], "result": measure(uncached_base + path),
                         "floor": page_floor["rps"]})
            # Its own limit, just before: nginx sending the same bytes as a static file.
            page_limit = measure(f"http://127.0.0.1:{static_port}/{sizes[label]}.html")
            rows.append({"target": f"{label}: static nginx, same bytes", "bytes": sizes[label],
                         "result": page_limit, "floor": page_floor["rps"],
                         "limit": page_limit["rps"]})
            wrk(f"http://127.0.0.1:{web_port}{path}", 1, 4)
            upstream_before = access_lines(gunicorn_log)
            result = wrk(f"http://127.0.0.1:{web_port}{path}", args.seconds, args.connections)
            upstream = access_lines(gunicorn_log) - upstream_before
            per_request = sql["cached"][path]
            rows.append({"target": f"{label} via nginx", "bytes": sizes[label], "result": result,
                         "floor": page_floor["rps"], "limit": page_limit["rps"],
                         "sql": (per_request * upstream / max(result["requests"], 1)
                                 if isinstance(per_request, int) else per_request)})
            print(f"  {label}: done", flush=True)
    except (KeyboardInterrupt, Stopped):
        print("bench: interrupted; stopping everything it started", file=sys.stderr)
        return 130
    finally:
        processes.stop_all()
        if not args.keep_database:
            subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c",
                            f"DROP DATABASE IF EXISTS {args.database}"], capture_output=True)
        subprocess.run(["redis-cli", "-n", str(args.cache_db), "flushdb"], capture_output=True)

    floor_rps, limit_rps = rows[1]["result"]["rps"], rows[0]["result"]["rps"]
    stamp = datetime.now(UTC)
    load_after = os.getloadavg()
    report = (f"Pages, {stamp:%Y-%m-%d %H:%M} UTC: `wrk -t2 -c{args.connections} "
              f"-d{args.seconds}s --latency`, gunicorn 2 sync workers, production settings, "
              f"PostgreSQL + Redis on loopback, demo content; {os.cpu_count()} cores, load "
              f"average {load_before[0]:.1f} before, {load_after[0]:.1f} after.\n\n"
              + table(rows, floor_rps, limit_rps) + "\n")
    print("\n" + report)
    path = args.out / f"pages-{stamp:%Y%m%d-%H%M}.md"
    path.write_text(report)
    print(f"bench: table written to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
