"""gunicorn's workers are separate processes: with PROMETHEUS_MULTIPROC_DIR each writes its
counts there, and a scrape answered by either worker adds up all of them."""

import os
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from prometheus_client.parser import text_string_to_metric_families

from tests.integration.conftest import _database_url_for_worker
from tests.support.processes import free_port, gunicorn_command, logged_process, wait_until_serving

pytestmark = pytest.mark.integration

PROBES = 60


def _healthz_count(base) -> float:
    with urllib.request.urlopen(base + "/metrics", timeout=10) as response:
        text = response.read().decode()
    return sum(sample.value for family in text_string_to_metric_families(text)
               for sample in family.samples
               if sample.name == "portal_http_requests_total"
               and sample.labels["view"] == "healthz")


def test_two_gunicorn_workers_counts_add_up_in_one_scrape(db, tmp_path):
    started = time.monotonic()
    folder = tmp_path / "prometheus"
    folder.mkdir()
    port, base = free_port(), None
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.test",
           "DATABASE_URL": _database_url_for_worker(), "WEB_CONCURRENCY": "2",
           "PROMETHEUS_MULTIPROC_DIR": str(folder), "PYTHONWARNINGS": "ignore"}
    log_path = tmp_path / "gunicorn.log"
    with logged_process(gunicorn_command(port), log_path, env, "gunicorn") as server:
        base = f"http://127.0.0.1:{port}"
        wait_until_serving(base + "/healthz", server, log_path)
        # Both workers booted and each answered at least one probe: keep asking, in
        # parallel, until two processes have written counts.
        deadline = time.monotonic() + 15
        with ThreadPoolExecutor(8) as pool:
            while True:
                list(pool.map(lambda _: urllib.request.urlopen(base + "/healthz").close(),
                              range(PROBES)))
                writers = {path.stem.split("_")[-1] for path in folder.glob("counter_*.db")}
                if len(writers) >= 2 or time.monotonic() > deadline:
                    break
        asked = sum(1 for line in log_path.read_text().splitlines() if "GET /healthz" in line)
        counted = _healthz_count(base)
    assert len(writers) >= 2, writers
    assert counted == asked  # every probe either worker answered, in one scrape
    print(f"\nmultiprocess check: {asked} probes over {len(writers)} workers, "
          f"{time.monotonic() - started:.1f}s")
