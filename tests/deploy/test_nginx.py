"""Issue 13, item 4: the shipped nginx site (deploy/nginx/) in front of the portal under
gunicorn, both real processes on loopback. nginx runs as the user running the tests, with its
configuration, cache and temporary files in the test's own folder."""

import gzip
import hashlib
import http.client
import os
import re
import shutil
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from tests.publications.factories import WhitepaperFactory
from tests.support.processes import (
    ROOT,
    free_port,
    gunicorn_command,
    logged_process,
    stop,
    wait_until_serving,
)

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
PAGE = "/en/about-us/"
HASHED_CSS = "core/css/site.0123456789ab.css"
MICROCACHE_SECONDS = 2  # long enough for two requests in a row to meet a stored copy



def _database_url() -> str:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    password = f":{settings['PASSWORD']}" if settings.get("PASSWORD") else ""
    return (f"postgres://{settings.get('USER') or 'postgres'}{password}@"
            f"{settings.get('HOST') or '127.0.0.1'}:{settings.get('PORT') or 5432}/"
            f"{settings['NAME']}")


def _static_root(folder: Path) -> Path:
    """A collected static file as WhiteNoise writes it: hashed name, .gz beside it."""
    css = (ROOT / "static/core/css/site.css").read_bytes()
    target = folder / HASHED_CSS
    target.parent.mkdir(parents=True)
    target.write_bytes(css)
    target.with_name(target.name + ".gz").write_bytes(gzip.compress(css))
    return folder


@pytest.fixture
def front(transactional_db, django_db_serialized_rollback, demo_pages, settings, tmp_path):
    """(nginx port, gunicorn port, the published paper, the static root) with nginx in front
    of gunicorn."""
    if NGINX is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install nginx (.ci/run does)")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    media = tmp_path / "media"
    settings.MEDIA_ROOT = str(media)
    paper = WhitepaperFactory(slug="ai-and-law", title="AI and Law", with_pdf=True)
    static = _static_root(tmp_path / "static")
    app_port, web_port = free_port(), free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.test",
           "DATABASE_URL": _database_url(), "MEDIA_ROOT": str(media), "WEB_CONCURRENCY": "2",
           "DJANGO_X_ACCEL_REDIRECT_PREFIX": "/internal-media/"}
    for name in ("CELERY_BROKER_URL", "CACHE_URL", "PYTEST_XDIST_WORKER"):
        env.pop(name, None)  # tasks in-process, each process's own cache, MEDIA_ROOT as given
    conf = tmp_path / "nginx"
    subprocess.run([sys.executable, str(ROOT / "deploy/nginx/render.py"), "--out", str(conf),
                    "--listen", f"127.0.0.1:{web_port}", "--upstream", f"127.0.0.1:{app_port}",
                    "--static-root", str(static), "--media-root", str(media),
                    "--worker-processes", "1",
                    "--microcache-seconds", str(MICROCACHE_SECONDS)], check=True)
    nginx = [NGINX, "-p", str(conf), "-c", str(conf / "nginx.conf"),
             "-g", "daemon off; error_log stderr;"]
    # Workers run as the user running the tests (root in CI): the test's folder is theirs.
    tmp_path.chmod(0o755)
    with logged_process(gunicorn_command(app_port), tmp_path / "gunicorn.log", env,
                        "gunicorn") as app, \
            logged_process(nginx, tmp_path / "nginx.log", env, "nginx") as web:
        wait_until_serving(f"http://127.0.0.1:{app_port}/healthz", app, tmp_path / "gunicorn.log")
        wait_until_serving(f"http://127.0.0.1:{web_port}/healthz", web, tmp_path / "nginx.log")
        yield web_port, app_port, paper, static


def _get(port: int, path: str, headers: dict | None = None, method: str = "GET"):
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        client.request(method, path, headers={"Host": f"127.0.0.1:{port}", **(headers or {})})
        response = client.getresponse()
        return response.status, response.headers, response.read()
    finally:
        client.close()


def test_an_anonymous_page_comes_from_the_micro_cache_a_signed_in_one_never(front):
    port = front[0]
    first = _get(port, PAGE)
    second = _get(port, PAGE)
    assert first[0] == second[0] == 200
    assert second[1]["X-Cache-Status"] == "HIT" and second[2] == first[2]
    assert second[1]["Set-Cookie"] is None

    staff = _get(port, PAGE, {"Cookie": "sessionid=someone-signed-in"})
    assert staff[0] == 200 and staff[1]["X-Cache-Status"] == "BYPASS"


def test_an_expired_page_is_revalidated_and_the_app_answers_304_without_a_body(front, tmp_path):
    port = front[0]
    first = _get(port, PAGE)
    assert first[1]["ETag"]
    time.sleep(MICROCACHE_SECONDS + 1.5)
    refreshed = [_get(port, PAGE) for _visit in range(3)]  # one of them triggers the refresh
    statuses = [answer[1]["X-Cache-Status"] for answer in refreshed]
    assert all(answer[2] == first[2] for answer in refreshed), statuses
    # The refresh runs in the background: on a busy machine it may take a second or more.
    revalidated = rf'"GET {re.escape(PAGE)} HTTP/1.1" 304 '
    deadline = time.monotonic() + 15
    while not re.search(revalidated, (tmp_path / "gunicorn.log").read_text()):
        assert time.monotonic() < deadline, statuses
        time.sleep(0.2)

    # And a browser that has the page gets a 304 too.
    again = _get(port, PAGE, {"If-None-Match": first[1]["ETag"]})
    assert again[0] == 304 and again[2] == b""


def test_a_page_that_sets_a_cookie_or_says_no_store_is_never_cached(front):
    port = front[0]
    answers = [_get(port, "/en/newsletter/") for _visit in range(3)]
    assert all(status == 200 for status, _headers, _body in answers)
    assert "no-store" in answers[-1][1]["Cache-Control"]
    assert [headers["X-Cache-Status"] for _status, headers, _body in answers] == ["MISS"] * 3
    tokens = {headers["Set-Cookie"] for _status, headers, _body in answers}
    assert len(tokens) == 3  # each visitor's own CSRF cookie, never another's


def test_static_files_come_from_disk_gzipped_with_far_future_caching(front):
    status, headers, body = _get(front[0], f"/static/{HASHED_CSS}", {"Accept-Encoding": "gzip"})
    assert status == 200 and headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(body) == (ROOT / "static/core/css/site.css").read_bytes()
    assert int(headers["Cache-Control"].removeprefix("max-age=")) >= 365 * 24 * 3600
    # The .gz WhiteNoise wrote, sent as it is (no compression per request).
    assert body == (front[3] / (HASHED_CSS + ".gz")).read_bytes()
    # Not a file gunicorn knows: it came from the static root nginx was given.
    assert _get(front[1], f"/static/{HASHED_CSS}")[0] != 200


def test_a_whitepaper_download_is_sent_by_nginx_not_by_a_python_worker(front):
    port, app_port, paper, _static = front
    path = "/en/whitepapers/ai-and-law/download/"
    status, headers, body = _get(port, path)
    assert status == 200 and hashlib.sha256(body).hexdigest() == paper.pdf_sha256
    assert headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"] == 'attachment; filename="ai-and-law.pdf"'
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Accel-Redirect"] is None  # nginx's business, not the visitor's
    # The app itself answered with no bytes, only where the checked file is.
    app_status, app_headers, app_body = _get(app_port, path)
    assert app_status == 200 and app_body == b""
    assert app_headers["X-Accel-Redirect"].startswith("/internal-media/")
    # The internal location is not reachable from outside.
    assert _get(port, app_headers["X-Accel-Redirect"])[0] == 404


@pytest.fixture
def two_nodes(transactional_db, django_db_serialized_rollback, tmp_path):
    """(nginx port, [gunicorn processes], [their logs]): nginx round robin over two nodes."""
    if NGINX is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install nginx (.ci/run does)")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    ports, web_port = [free_port(), free_port()], free_port()
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.test",
           "DATABASE_URL": _database_url(), "WEB_CONCURRENCY": "1"}
    for name in ("CELERY_BROKER_URL", "CACHE_URL", "PYTEST_XDIST_WORKER"):
        env.pop(name, None)
    conf = tmp_path / "nginx"
    subprocess.run([sys.executable, str(ROOT / "deploy/nginx/render.py"), "--out", str(conf),
                    "--listen", f"127.0.0.1:{web_port}", "--worker-processes", "1",
                    *[f"--upstream=127.0.0.1:{port}" for port in ports]], check=True)
    tmp_path.chmod(0o755)
    logs = [tmp_path / "node-a.log", tmp_path / "node-b.log"]
    nginx = [NGINX, "-p", str(conf), "-c", str(conf / "nginx.conf"),
             "-g", "daemon off; error_log stderr;"]
    with logged_process(gunicorn_command(ports[0]), logs[0], env, "node a") as node_a, \
            logged_process(gunicorn_command(ports[1]), logs[1], env, "node b") as node_b, \
            logged_process(nginx, tmp_path / "nginx.log", env, "nginx") as web:
        for port, node, log in zip(ports, (node_a, node_b), logs, strict=True):
            wait_until_serving(f"http://127.0.0.1:{port}/healthz", node, log)
        wait_until_serving(f"http://127.0.0.1:{web_port}/healthz", web, tmp_path / "nginx.log")
        yield web_port, [node_a, node_b], logs


def _answered_by(logs: list[Path], marker: str) -> list[str]:
    return ["ab"[index] for index, log in enumerate(logs) if marker in log.read_text()]


def test_requests_alternate_between_two_nodes_and_one_stopped_is_left_out(two_nodes):
    port, nodes, logs = two_nodes
    for number in range(6):
        assert _get(port, f"/readyz?round={number}")[0] == 200
    time.sleep(0.3)  # access log lines are written after the answer
    nodes_in_turn = [_answered_by(logs, f"/readyz?round={number} ") for number in range(6)]
    assert nodes_in_turn in ([["a"], ["b"]] * 3, [["b"], ["a"]] * 3), nodes_in_turn

    stop(nodes[1])  # node b goes down: nginx retries on a, then leaves b out
    answers = [_get(port, f"/readyz?after={number}") for number in range(6)]
    assert [status for status, _headers, _body in answers] == [200] * 6
    time.sleep(0.3)
    assert all(_answered_by(logs, f"/readyz?after={number} ") == ["a"] for number in range(6))


def _when_listening(process, port: int, path: str, headers: dict, seconds: float = 20):
    """The first answer from a server still starting (its redirect is not followed)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            return _get(port, path, headers)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_the_tls_site_speaks_http2_and_plain_http_only_redirects(tmp_path):
    openssl = shutil.which("openssl")
    if NGINX is None or openssl is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install nginx and openssl")
        pytest.skip("nginx or openssl is not installed (apt-get install nginx openssl)")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                    "-subj", "/CN=localhost", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    tls_port, http_port = free_port(), free_port()
    conf = tmp_path / "nginx"
    subprocess.run([sys.executable, str(ROOT / "deploy/nginx/render.py"), "--out", str(conf),
                    "--listen", f"127.0.0.1:{tls_port}", "--http-listen",
                    f"127.0.0.1:{http_port}", "--server-name", "localhost",
                    "--tls-certificate", str(cert), "--tls-certificate-key", str(key),
                    "--upstream", f"127.0.0.1:{free_port()}", "--worker-processes", "1"],
                   check=True)
    tmp_path.chmod(0o755)
    nginx = [NGINX, "-p", str(conf), "-c", str(conf / "nginx.conf"),
             "-g", "daemon off; error_log stderr;"]
    with logged_process(nginx, tmp_path / "nginx.log", os.environ.copy(), "nginx") as web:
        status, headers, _body = _when_listening(web, http_port, "/en/about-us/?a=1",
                                                 {"Host": "localhost"})
        assert status == 301 and headers["Location"] == "https://localhost/en/about-us/?a=1"

        context = ssl.create_default_context(cafile=str(cert))
        context.set_alpn_protocols(["h2", "http/1.1"])
        with socket.create_connection(("127.0.0.1", tls_port), timeout=10) as raw, \
                context.wrap_socket(raw, server_hostname="localhost") as secure:
            assert secure.selected_alpn_protocol() == "h2"
            assert secure.version() in ("TLSv1.2", "TLSv1.3")
