"""Issue 12, item 3: while the database is unreachable every page answers a translated 503
with Retry-After, never a 500 — whether the error comes from a view or from a middleware
(django CMS reads the database in several, before any view runs)."""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.db import OperationalError
from django.test import Client
from django.urls import path

from center.urls import handler500  # noqa: F401 (this URLconf keeps the portal's handler)
from center.urls import urlpatterns as portal_urlpatterns

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = "The site cannot reach its database for a moment."
CHINESE = "网站暂时无法连接数据库"


def _database_gone(request):
    raise OperationalError("server closed the connection unexpectedly")


def _bug(request):
    raise ZeroDivisionError


# The portal's URLs plus two views that fail, under the same language prefixes.
urlpatterns = i18n_patterns(path("database-gone/", _database_gone),
                            path("bug/", _bug)) + portal_urlpatterns


def _assert_outage_page(response, text: str, language: str):
    body = response.content.decode()
    assert response.status_code == 503
    assert int(response["Retry-After"]) > 0
    assert "no-store" in response["Cache-Control"]
    assert response["Content-Language"] == language
    assert f'<html lang="{language}">' in body and text in body


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(("prefix", "text"), [("en", ENGLISH), ("zh-hans", CHINESE)])
def test_a_view_that_loses_the_database_answers_the_translated_503(db, prefix, text):
    client = Client(raise_request_exception=False)
    for method in (client.get, client.post):
        _assert_outage_page(method(f"/{prefix}/database-gone/"), text, prefix)


@pytest.mark.urls(__name__)
def test_any_other_error_is_still_the_plain_500(db):
    response = Client(raise_request_exception=False).get("/en/bug/")
    assert response.status_code == 500
    assert "Retry-After" not in response
    assert "Something went wrong on our side" in response.content.decode()


@pytest.mark.urls(__name__)
def test_an_outage_logs_one_line_without_a_traceback_not_one_per_request(db, caplog):
    request_logger = logging.getLogger("django.request")
    for database_down in request_logger.filters:  # a fresh interval for this test
        database_down.quiet_until = 0.0
    client = Client(raise_request_exception=False)
    with caplog.at_level(logging.ERROR, logger="django.request"):
        for _ in range(5):
            assert client.get("/en/database-gone/").status_code == 503
        assert client.get("/en/bug/").status_code == 500

    outage, bug = ([r for r in caplog.records if r.name == "django.request" and word in
                    r.getMessage()] for word in ("database unavailable", "/en/bug/"))
    assert len(outage) == 1 and outage[0].exc_info is None
    assert "server closed the connection unexpectedly" in outage[0].getMessage()
    assert len(bug) == 1 and bug[0].exc_info  # any other error keeps its traceback


# A process whose database is a dead port: the real error, met first by django CMS's
# ApphookReloadMiddleware (it reads the URLconf revision at a process's first request), before
# any view.
OUTAGE = """
import json, django
from django.conf import settings
django.setup()
settings.WHITENOISE_USE_FINDERS = True  # static files from the source tree, no collectstatic
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for method, path in [("GET", "/en/"), ("GET", "/zh-hans/news/"),
                     ("POST", "/en/apply-for-trial/"), ("POST", "/zh-hans/newsletter/"),
                     ("GET", "/static/core/css/site.css")]:
    response = client.generic(method, path)
    answers[f"{method} {path}"] = [response.status_code, response.get("Retry-After"),
                                   response.get("Cache-Control"),
                                   b"".join(response).decode(errors="replace")]
print(json.dumps(answers))
"""


def test_pages_and_forms_answer_503_when_the_database_is_down_before_any_view():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.test",
           "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nowhere"}
    result = subprocess.run([sys.executable, "-c", OUTAGE], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    stylesheet = answers.pop("GET /static/core/css/site.css")
    assert stylesheet[0] == 200  # static files need no database: the 503 page keeps its style
    for request, (status, retry_after, cache_control, body) in answers.items():
        assert status == 503, request
        assert int(retry_after) > 0 and "no-store" in cache_control
        assert (CHINESE if "/zh-hans/" in request else ENGLISH) in body, request
