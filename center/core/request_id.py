"""The request id: one token per request, carried into every log line the request causes,
including those of the Celery tasks it enqueued (task_context.py), so one search finds them.

nginx sets X-Request-ID from its own $request_id; a sane incoming value is kept so the
proxy's access log and the portal's lines share it, anything else is replaced."""

import logging
import os
import re
from contextvars import ContextVar

HEADER = "X-Request-ID"
META_KEY = "HTTP_X_REQUEST_ID"
# Short and log-safe: no spaces, quotes or newlines a client could inject into a log line.
_SANE = re.compile(r"[A-Za-z0-9._-]{1,64}").fullmatch

current_request_id: ContextVar[str | None] = ContextVar("request_id", default=None)
# (task id, task name) while a Celery task runs in this context.
current_task: ContextVar[tuple[str, str] | None] = ContextVar("task", default=None)


def request_id_for(meta) -> str:
    """The incoming X-Request-ID when it is a sane token, else a new one: 128 random bits in
    hex, as uuid4().hex but without building a UUID (2.7 µs against 0.6 µs, on every hit)."""
    incoming = meta.get(META_KEY)
    if incoming and _SANE(incoming):
        return incoming
    return os.urandom(16).hex()


def is_sane(value) -> bool:
    return isinstance(value, str) and _SANE(value) is not None


class RequestIdFilter(logging.Filter):
    """On the handlers: every record gets request_id (None outside a request or task), and
    task_id/task_name inside a task, for the JSON formatter (and any format string)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        task = current_task.get()
        if task is not None:
            record.task_id, record.task_name = task
        return True
