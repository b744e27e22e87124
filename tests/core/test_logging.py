"""Every process logs one line shape: UTC time, level, logger, message (center/core/logs.py),
so lines from the web, the worker and beat sort together; gunicorn's access log is on."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ (DEBUG|INFO|WARNING|ERROR|CRITICAL) [\w.]+: ")


def test_django_processes_log_utc_time_level_and_logger():
    code = ("import django; django.setup(); import logging; "
            "logging.getLogger('center.example').warning('disk nearly full')")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.local", "TZ": "Asia/Tokyo"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    (line,) = [line for line in result.stderr.splitlines() if "disk nearly full" in line]
    assert LINE.match(line), line
    assert line.endswith("WARNING center.example: disk nearly full")
    logged_at = time.strptime(line[:20], "%Y-%m-%dT%H:%M:%SZ")
    assert abs(time.mktime(logged_at) - time.mktime(time.gmtime())) < 60  # UTC, not Tokyo


def test_gunicorn_logs_each_request_in_the_same_shape():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    gunicorn = Path(sys.executable).with_name("gunicorn")
    # PYTHONWARNINGS: Python's own warnings (WhiteNoise's "No directory at staticfiles/" in a
    # tree never collected) are printed by the warnings module, not logged.
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.test", "WEB_CONCURRENCY": "1",
           "PYTHONWARNINGS": "ignore"}
    server = subprocess.Popen(
        [str(gunicorn), "center.wsgi", "--config", "deploy/gunicorn.conf.py",
         "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except urllib.error.HTTPError:
                break  # 503 without a database is still a request, and logged
            except OSError:
                time.sleep(0.2)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    access = [line for line in out.splitlines() if "GET /healthz" in line]
    assert access, out + err
    assert LINE.match(access[0]) and " INFO gunicorn.access: " in access[0]
    assert all(LINE.match(line) for line in err.splitlines() if line.strip()), err
