import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from celery import Celery

from center.core.health import broker_state

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_says_the_process_is_alive_without_asking_the_database(rf):
    # No `db` fixture: pytest-django makes any database access raise. The first middleware
    # answers, so nothing after it (django CMS reads the database on every request) runs.
    from center.core.middleware import HealthCheckMiddleware

    answer = HealthCheckMiddleware(lambda request: pytest.fail("/healthz went past the probe"))
    response = answer(rf.get("/healthz"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"status": "ok"}


def test_readyz_reports_database_ok_eager_broker_and_local_cache(client, db):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"database": "ok", "broker": "eager", "cache": "local",
                               "status": "ok"}


def test_broker_on_a_dead_port_is_reported_down(monkeypatch):
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)  # Celery prefers it to the argument
    app = Celery("probe", broker="redis://127.0.0.1:1/0")
    assert broker_state(app) == "down"


@pytest.mark.skipif(not os.environ.get("CELERY_BROKER_URL"), reason="needs CELERY_BROKER_URL")
def test_reachable_broker_is_reported_ok():
    app = Celery("probe", broker=os.environ["CELERY_BROKER_URL"])
    assert broker_state(app) == "ok"


def test_readyz_answers_503_when_the_database_is_down_and_healthz_still_200(tmp_path):
    # A fresh process whose database cannot be opened: the real failure, not a mock.
    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/readyz'); print(r.status_code, r.json()['database']); "
        "h = Client().get('/healthz'); print(h.status_code, h.json()['status'])"
    )
    env = dict(os.environ)
    env["DJANGO_SETTINGS_MODULE"] = "center.settings.test"
    env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:1/nowhere"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["503", "down", "200", "ok"]
