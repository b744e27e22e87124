"""Prometheus metrics (prometheus_client). Requests are counted by the first middleware
(request_middleware.py), tasks by Celery's signals (task_context.py); the outbox and campaign
backlogs are read from the database at scrape time by collectors the apps register
(`register_backlog`). With PROMETHEUS_MULTIPROC_DIR set, prometheus_client keeps every
process's values in files there and a scrape adds up all of them."""

import os
from collections.abc import Iterable

from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    disable_created_metrics,
    multiprocess,
)
from prometheus_client.exposition import generate_latest

# No `_created` series beside every counter: they double a scrape and nothing here reads them.
disable_created_metrics()

# A cached page takes ~40 µs, an uncached one milliseconds to a second.
LATENCY_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5,
                   5, 10)
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})

requests_total = Counter(
    "portal_http_requests", "HTTP requests answered, by method, status and view",
    ["method", "status", "view"])
request_seconds = Histogram(
    "portal_http_request_duration_seconds", "Time to answer a request, by view", ["view"],
    buckets=LATENCY_BUCKETS)
tasks_total = Counter(
    "portal_celery_tasks", "Celery tasks finished, by task and outcome "
    "(success, failure, retry)", ["task", "outcome"])
task_seconds = Histogram(
    "portal_celery_task_duration_seconds", "Time a Celery task ran, by task", ["task"])

# (method, status, view) -> the two labelled children: labels() on every request costs more.
_children: dict[tuple[str, int, str], tuple] = {}


def count_request(method: str, status: int, view: str, seconds: float) -> None:
    key = (method, status, view)
    children = _children.get(key)
    if children is None:
        label = method if method in METHODS else "other"  # a client picks the method
        children = _children[key] = (requests_total.labels(label, str(status), view),
                                     request_seconds.labels(view))
    children[0].inc()
    children[1].observe(seconds)


_backlogs: list = []


def register_backlog(collector) -> None:
    """A prometheus collector (an object with collect()) read at each scrape of /metrics."""
    _backlogs.append(collector)


class _Together:
    def __init__(self, sources: Iterable):
        self.sources = list(sources)

    def collect(self):
        for source in self.sources:
            yield from source.collect()


def process_metrics():
    """What this process (or, in multiprocess mode, every process sharing the folder) counted."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return registry
    return REGISTRY


def exposition(with_backlogs: bool = True) -> bytes:
    sources = [process_metrics(), *(_backlogs if with_backlogs else ())]
    return generate_latest(_Together(sources))
