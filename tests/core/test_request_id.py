"""Every request has an id (center/core/request_id.py): the one nginx sent when it is a sane
token, else a new one; it is echoed in X-Request-ID and written on every log line the
request causes, in the JSON log format too."""

import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.http import HttpResponse

from center.core.logs import UTCJsonFormatter
from center.core.request_id import RequestIdFilter, current_request_id
from center.core.request_middleware import RequestIdMiddleware

NEW_ID = re.compile(r"[0-9a-f]{32}")


def test_a_sane_incoming_id_is_echoed(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="4f1c9a.proxy-42_x")
    assert response["X-Request-ID"] == "4f1c9a.proxy-42_x"


def test_without_one_each_request_gets_a_new_id(client):
    first, second = client.get("/healthz"), client.get("/healthz")
    assert NEW_ID.fullmatch(first["X-Request-ID"])
    assert first["X-Request-ID"] != second["X-Request-ID"]


@pytest.mark.parametrize("incoming", [
    "x" * 65, "has space", "new\nline", 'quote"d', "ünicode", ""])
def test_an_unsafe_incoming_id_is_replaced(client, incoming):
    response = client.get("/healthz", HTTP_X_REQUEST_ID=incoming)
    assert NEW_ID.fullmatch(response["X-Request-ID"])


def test_pages_carry_the_id_too(client, demo_pages):
    response = client.get("/en/", HTTP_X_REQUEST_ID="page-view-1")
    assert response.status_code == 200 and response["X-Request-ID"] == "page-view-1"


def _json_handler(lines: list[str]) -> logging.Handler:
    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect()
    handler.setFormatter(UTCJsonFormatter())
    handler.addFilter(RequestIdFilter())
    return handler


def test_log_lines_written_during_a_request_carry_its_id_as_json(rf):
    lines: list[str] = []
    logger = logging.getLogger("center.example")
    logger.addHandler(handler := _json_handler(lines))

    def view(request):
        logger.warning("slow page %s", "/en/")
        return HttpResponse("ok")

    try:
        RequestIdMiddleware(view)(rf.get("/en/", HTTP_X_REQUEST_ID="req-77"))
        logger.warning("after the request")
    finally:
        logger.removeHandler(handler)

    during, after = (json.loads(line) for line in lines)
    assert during["request_id"] == "req-77"
    assert during["message"] == "slow page /en/"
    assert during["level"] == "WARNING" and during["logger"] == "center.example"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", during["time"])
    assert after["request_id"] is None  # the id ends with its request
    assert current_request_id.get() is None


def test_log_format_json_makes_every_process_log_json_lines():
    code = ("import django; django.setup(); import logging; "
            "logging.getLogger('center.example').error('disk nearly full')")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.local", "LOG_FORMAT": "json"}
    result = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).parents[2], env=env,
                            capture_output=True, text=True, timeout=60)
    (line,) = [line for line in result.stderr.splitlines() if "disk nearly full" in line]
    assert json.loads(line) == {"time": json.loads(line)["time"], "level": "ERROR",
                                "logger": "center.example", "message": "disk nearly full",
                                "request_id": None}
