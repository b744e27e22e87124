"""Issue 17, item 3: the portal on several machines, all on loopback. Two gunicorn nodes with
production settings behind the shipped nginx (round robin), two Celery workers, a PostgreSQL
primary with a streaming replica (both the test's own, never the machine's server), one
Redis, and an S3-compatible server (moto's). Every property is checked through the real
processes:

- a staff session started through nginx works on both nodes;
- a speaker renamed in the admin of one node is fresh at once on the other, whose copy was
  cached (and whose public reads come from the replica);
- a 5,000-reader campaign is shared by both workers: every reader once, none twice;
- a whitepaper uploaded through one node downloads through the other, from the bucket;
- /readyz answers through nginx, and with one node stopped nginx keeps serving."""

import json
import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path

import psycopg2
import pytest
import redis
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.urls import reverse

from center.newsletter.models import Campaign, Subscriber
from center.site.demo.loader import load_demo_pages
from tests.people.factories import PersonFactory
from tests.publications.factories import pdf_bytes
from tests.support.forms import form_values
from tests.support.postgres import (
    PRIMARY_SETTINGS,
    Cluster,
    copy_test_database,
    postgres_bin,
    start_replica,
)
from tests.support.processes import (
    ROOT,
    free_port,
    gunicorn_command,
    logged_process,
    stop,
    wait_until_serving,
)
from tests.support.s3 import s3_server
from tests.support.visitor import Browser, hidden_value

pytestmark = pytest.mark.integration

NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
READERS = 5000
CACHE_DB, BROKER_DB = 3, 4  # Redis databases of this test's own, flushed before it
SPEAKER = "/en/speakers/ada-lovelace/"
STAFF, PASSWORD = "operator", "a long operator password"

# Production settings, with static files served from the source tree (no collectstatic into
# the project folder from a test).
SETTINGS_MODULE = """from center.settings.production import *  # noqa: F401,F403

STORAGES = {**STORAGES, "staticfiles": {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True
"""


def _content() -> None:
    """What the nodes serve, written into the tests' database, then copied to the primary."""
    load_demo_pages()
    PersonFactory(slug="ada-lovelace", name="Ada Lovelace")
    staff = get_user_model().objects.create_superuser(STAFF, "operator@example.org")
    # Hashed as production checks it (the tests' settings hash with MD5 only, for speed).
    staff.password = PBKDF2PasswordHasher().encode(PASSWORD, "multinodesalt")
    staff.save()
    Subscriber.objects.bulk_create(
        Subscriber(email=f"reader{n:05d}@example.org", status=Subscriber.Status.CONFIRMED)
        for n in range(READERS))
    Campaign.objects.create(subject="Two workers, one campaign", body_html="<p>Hello</p>")


def _node_env(primary, replica, s3, smtp_port: int, site: str, tmp_path: Path) -> dict:
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("DJANGO_", "DATABASE_", "CELERY_", "CACHE_URL", "EMAIL_",
                                   "MEDIA_", "PYTEST_", "TEST_SMTP"))}
    return {
        **env, **s3.env(),
        "DJANGO_SETTINGS_MODULE": "multi_node_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
        "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
        "SITE_DOMAIN": site,
        "DATABASE_URL": primary.url, "DATABASE_REPLICA_URL": replica.url,
        "CACHE_URL": f"redis://127.0.0.1:6379/{CACHE_DB}",
        "CELERY_BROKER_URL": f"redis://127.0.0.1:6379/{BROKER_DB}",
        "EMAIL_URL": f"smtp://127.0.0.1:{smtp_port}",
        # Plain http on loopback: no TLS redirect; nginx tells the visitor's address.
        "DJANGO_SECURE_SSL_REDIRECT": "false", "META_SITE_PROTOCOL": "http",
        "CLIENT_IP_HEADER": "HTTP_X_REAL_IP", "DJANGO_SERVE_MEDIA": "false",
        "WEB_CONCURRENCY": "1", "DJANGO_CONN_MAX_AGE": "60",
        "NEWSLETTER_SEND_RATE": "0", "NEWSLETTER_CHUNK_SIZE": "100",
    }


def _worker_command(name: str) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "center", "worker", "--pool=prefork",
            "--concurrency=1", "--without-gossip", "--without-mingle", "--loglevel=INFO",
            "-n", f"{name}@%h"]


class Deployment:
    def __init__(self, web: int, nodes: dict[str, int], tmp_path: Path, s3, sink, servers,
                 primary_url: str):
        self.web, self.nodes, self.tmp_path, self.s3, self.sink = web, nodes, tmp_path, s3, sink
        self.servers, self.primary_url = servers, primary_url

    def url(self, port: int) -> str:
        return f"http://127.0.0.1:{port}"

    def log(self, name: str) -> str:
        return (self.tmp_path / f"{name}.log").read_text()


@pytest.fixture
def deployment(transactional_db, django_db_serialized_rollback, tmp_path, smtp_sink):
    bindir = postgres_bin()
    missing = [name for name, found in (("PostgreSQL (initdb, pg_basebackup)", bindir),
                                        ("nginx", NGINX)) if not found]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {', '.join(missing)} (.ci/run installs them)")
        pytest.skip(f"not installed: {', '.join(missing)}")
    for database in (CACHE_DB, BROKER_DB):
        redis.Redis(host="127.0.0.1", port=6379, db=database).flushdb()
    (tmp_path / "multi_node_settings.py").write_text(SETTINGS_MODULE)
    tmp_path.chmod(0o755)  # nginx's workers (root in CI runs them as nobody) read in here

    _content()
    with ExitStack() as stack:
        primary = Cluster(bindir, tmp_path / "primary")
        (tmp_path / "primary").mkdir()
        stack.callback(primary.cleanup)
        stack.callback(primary.stop)
        primary.initdb()
        primary.start(*PRIMARY_SETTINGS)
        primary.run("createdb", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
                    "portal")
        copy_test_database(primary)
        replica = start_replica(primary, tmp_path / "replica")
        stack.callback(replica.cleanup)
        stack.callback(replica.stop)
        s3 = stack.enter_context(s3_server())

        web = free_port()
        nodes = {"node-a": free_port(), "node-b": free_port()}
        env = _node_env(primary, replica, s3, smtp_sink.port, f"127.0.0.1:{web}", tmp_path)
        servers = {}
        for name, port in nodes.items():
            log = tmp_path / f"{name}.log"
            servers[name] = stack.enter_context(
                logged_process(gunicorn_command(port), log, env, name))
        for name in ("worker-1", "worker-2"):
            stack.enter_context(logged_process(_worker_command(name), tmp_path / f"{name}.log",
                                               env, name))
        conf = tmp_path / "nginx"
        subprocess.run([sys.executable, str(ROOT / "deploy/nginx/render.py"), "--out", str(conf),
                        "--listen", f"127.0.0.1:{web}",
                        *[arg for port in nodes.values()
                          for arg in ("--upstream", f"127.0.0.1:{port}")],
                        "--static-root", str(tmp_path / "static"),
                        "--media-root", str(tmp_path / "media"), "--worker-processes", "1"],
                       check=True)
        nginx = stack.enter_context(logged_process(
            [NGINX, "-p", str(conf), "-c", str(conf / "nginx.conf"),
             "-g", "daemon off; error_log stderr;"], tmp_path / "nginx.log", env, "nginx"))
        for name, port in nodes.items():
            wait_until_serving(f"http://127.0.0.1:{port}/readyz", servers[name],
                               tmp_path / f"{name}.log", seconds=120)
        wait_until_serving(f"http://127.0.0.1:{web}/readyz", nginx, tmp_path / "nginx.log")
        yield Deployment(web, nodes, tmp_path, s3, smtp_sink, servers, primary.url)


def _sign_in(browser: Browser) -> None:
    _status, _url, page = browser.get("/en/admin/login/")
    status, url, page = browser.post("/en/admin/login/?next=/en/admin/", {
        "csrfmiddlewaretoken": hidden_value(page, "csrfmiddlewaretoken"),
        "username": STAFF, "password": PASSWORD, "next": "/en/admin/"})
    assert url.endswith("/en/admin/") and "Log out" in page, "sign-in through nginx failed"


def _on(node_port: int, through: Browser) -> Browser:
    """The same browser (its cookies) talking to one node directly."""
    other = Browser(f"http://127.0.0.1:{node_port}")
    other.opener = through.opener
    return other


def _fetch(url: str) -> tuple[int, bytes, dict]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(url, timeout=30) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as answer:
        return answer.code, answer.read(), dict(answer.headers)


def _multipart(field: str, filename: str, data: bytes, content_type: str) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; "
            f"filename=\"{filename}\"\r\nContent-Type: {content_type}\r\n\r\n").encode()
    return body + data + f"\r\n--{boundary}--\r\n".encode(), boundary


def _upload(staff: Browser, data: bytes, filename: str) -> int:
    """The media library's upload button (filer's admin): one multipart POST."""
    body, boundary = _multipart("file", filename, data, "application/pdf")
    request = urllib.request.Request(
        staff.base + reverse("admin:filer-ajax_upload"), data=body, method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}",
                 "X-CSRFToken": _csrf_cookie(staff), "Referer": staff.base + "/en/admin/"})
    with staff.opener.open(request, timeout=60) as response:
        answer = json.loads(response.read())
    return int(answer["file_id"])


def _csrf_cookie(browser: Browser) -> str:
    for handler in browser.opener.handlers:
        jar = getattr(handler, "cookiejar", None)
        if jar is not None:
            return next(cookie.value for cookie in jar if cookie.name == "csrftoken")
    raise AssertionError("no CSRF cookie")


def _on_primary(deployment, sql: str) -> list:
    with psycopg2.connect(deployment.primary_url) as db, db.cursor() as cursor:
        cursor.execute(sql)
        return [row[0] for row in cursor.fetchall()]


def test_two_nodes_two_workers_a_replica_and_a_bucket_serve_as_one_site(deployment):
    site = Browser(deployment.url(deployment.web))
    node_a, node_b = deployment.nodes["node-a"], deployment.nodes["node-b"]

    # 1. A staff session started through nginx works on each node.
    _sign_in(site)
    for port in (node_a, node_b):
        status, url, page = _on(port, site).get("/en/admin/")
        assert status == 200 and url.endswith("/en/admin/") and "Log out" in page, port
    assert _fetch(deployment.url(deployment.web) + "/readyz")[0] == 200

    # 2. Renamed in node A's admin, fresh at once on node B, whose copy was cached.
    visitor_b = deployment.url(node_b) + SPEAKER
    assert "Ada Lovelace" in _fetch(visitor_b)[1].decode()
    assert "Ada Lovelace" in _fetch(visitor_b)[1].decode()  # now from node B's cache
    staff_a = _on(node_a, site)
    change = "/en/admin/people/person/{}/change/?language=en"
    _status, _url, listing = staff_a.get("/en/admin/people/person/?q=ada")
    person_id = re.search(r"/en/admin/people/person/(\d+)/change/", listing).group(1)
    _status, _url, form_page = staff_a.get(change.format(person_id))
    values = form_values(form_page, "person_form")
    values["name"] = ["Ada King, Countess of Lovelace"]
    status, url, _page = staff_a.post(change.format(person_id), values)
    assert "/change/" not in url, "the admin did not save the new name"
    assert "Ada King, Countess of Lovelace" in _fetch(visitor_b)[1].decode()

    # 3. A 5,000-reader campaign, shared by both workers: every reader once, none twice.
    campaign_id = Campaign.objects.get().pk  # the same id on the primary (a copy)
    send_now = f"/en/admin/newsletter/campaign/{campaign_id}/send-now/"
    _status, _url, confirm = staff_a.get(send_now)
    assert f"{READERS:,}" in confirm or str(READERS) in confirm
    staff_a.post(send_now, {"csrfmiddlewaretoken": hidden_value(confirm, "csrfmiddlewaretoken"),
                            "confirm": "yes"})
    began = time.monotonic()
    deployment.sink.wait_for(READERS, timeout=240)
    took = time.monotonic() - began
    time.sleep(2)  # anything sent twice would arrive now
    ids_by_reader = defaultdict(set)
    for message in deployment.sink.messages:
        if message["Subject"] == "Two workers, one campaign":
            ids_by_reader[message["To"]].add(message["Message-ID"])
    assert len(ids_by_reader) == READERS  # none missed
    assert all(len(ids) == 1 for ids in ids_by_reader.values())  # none twice
    sent = [m for m in deployment.sink.messages if m["Subject"] == "Two workers, one campaign"]
    assert len(sent) == READERS
    batches = {name: deployment.log(name).count("newsletter.send_batch")
               for name in ("worker-1", "worker-2")}
    assert all(batches.values()), f"one worker did all the sending: {batches}"
    print(f"\n{READERS} readers in {took:.1f} s by two workers (batch lines: {batches})")

    # 4. A whitepaper uploaded through node A downloads through node B, from the bucket.
    pdf = pdf_bytes(pages=2)
    file_id = _upload(staff_a, pdf, "shared.pdf")
    _status, _url, add_page = staff_a.get("/en/admin/publications/whitepaper/add/?language=en")
    values = form_values(add_page, "whitepaper_form")
    values.update({"title": ["Shared by two nodes"], "slug": ["shared-by-two-nodes"],
                   "issuing_body": ["Law Institute"], "publication_date": ["2026-11-30"],
                   "pdf": [str(file_id)], "pdf_language": ["en"]})
    status, url, page = staff_a.post("/en/admin/publications/whitepaper/add/?language=en",
                                     values)
    assert "/add/" not in url, page[-2000:]
    [paper_id] = _on_primary(deployment, "SELECT id FROM publications_whitepaper "
                                         "WHERE slug = 'shared-by-two-nodes'")
    _status, _url, listing = staff_a.get("/en/admin/publications/whitepaper/")
    staff_a.post("/en/admin/publications/whitepaper/", {
        "csrfmiddlewaretoken": hidden_value(listing, "csrfmiddlewaretoken"),
        "action": "publish", "_selected_action": [str(paper_id)]})
    status, body, headers = _fetch(deployment.url(node_b)
                                   + "/en/whitepapers/shared-by-two-nodes/download/")
    assert status == 302, body[:300]
    assert headers["Location"].startswith(deployment.s3.endpoint)
    assert _fetch(headers["Location"])[:2] == (200, pdf)

    # 5. One node stopped: nginx keeps serving the site from the other.
    stop(deployment.servers["node-b"])
    answers = [_fetch(deployment.url(deployment.web) + path)[0]
               for path in ("/en/", SPEAKER, "/readyz") * 3]
    assert answers == [200] * 9, answers
