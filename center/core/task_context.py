"""Celery's side of the request id and the task metrics, connected from CoreConfig.ready.

A task published while a request (or another task) runs carries its request id in the
message headers; the worker puts it back in the context for the task's run, so the worker's
log lines for that task carry the same request_id (request_id.py). Each finished task is
counted by outcome (metrics.py). A worker with CELERY_METRICS_PORT set serves its metrics on
that port; with a prefork pool set PROMETHEUS_MULTIPROC_DIR too (one folder per worker
host, emptied before start), so the children's counts reach the server in the parent."""

import logging
import os
import time

from celery import signals
from django.conf import settings
from prometheus_client import multiprocess, start_http_server

from . import metrics
from .request_id import current_request_id, current_task, is_sane

logger = logging.getLogger(__name__)

HEADER = "request_id"

# task id -> (context tokens to restore, start time), between prerun and postrun.
_running: dict[str, tuple] = {}


def _add_request_id(headers=None, **_):
    request_id = current_request_id.get()
    if request_id and headers is not None:
        headers.setdefault(HEADER, request_id)


def _enter_task(task_id=None, task=None, **_):
    # Eager tasks (run in the request) have no header: they keep the request's id.
    incoming = getattr(task.request, HEADER, None)
    request_id = incoming if is_sane(incoming) else current_request_id.get()
    tokens = (current_request_id.set(request_id), current_task.set((task_id, task.name)))
    _running[task_id] = (tokens, time.perf_counter())


def _leave_task(task_id=None, task=None, **_):
    entered = _running.pop(task_id, None)
    if entered is None:
        return
    (request_token, task_token), started = entered
    metrics.task_seconds.labels(task.name).observe(time.perf_counter() - started)
    current_task.reset(task_token)
    current_request_id.reset(request_token)


def _outcome(outcome: str):
    def count(sender=None, **_):
        metrics.tasks_total.labels(getattr(sender, "name", str(sender)), outcome).inc()
    return count


def _serve_metrics(**_):
    port = settings.METRICS_WORKER_PORT
    if port:
        start_http_server(port, addr=settings.METRICS_WORKER_ADDRESS,
                          registry=metrics.process_metrics())
        logger.info("Task metrics served on %s:%s/metrics", settings.METRICS_WORKER_ADDRESS, port)


def _forget_child(pid=None, **_):
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(os.getpid())


def connect() -> None:
    signals.before_task_publish.connect(_add_request_id, dispatch_uid="core.request_id")
    signals.task_prerun.connect(_enter_task, dispatch_uid="core.task_enter")
    signals.task_postrun.connect(_leave_task, dispatch_uid="core.task_leave")
    for outcome, signal in (("success", signals.task_success), ("failure", signals.task_failure),
                            ("retry", signals.task_retry)):
        signal.connect(_outcome(outcome), weak=False, dispatch_uid=f"core.task_{outcome}")
    signals.worker_init.connect(_serve_metrics, dispatch_uid="core.worker_metrics")
    signals.worker_process_shutdown.connect(_forget_child, dispatch_uid="core.worker_child")
