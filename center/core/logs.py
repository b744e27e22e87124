"""One log line shape for every process (web, worker, beat, gunicorn): UTC time, level,
logger, message. UTC because the site's TIME_ZONE is Shanghai, Celery's is UTC and the
machine's may be either; lines from different processes must sort together."""

import logging
import time
from datetime import UTC, datetime

# The errors center/core/errors.py answers with the database-down 503.
from django.db import InterfaceError, OperationalError
from pythonjsonlogger.json import JsonFormatter

LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class UTCFormatter(logging.Formatter):
    converter = time.gmtime

    def __init__(self, fmt=LINE_FORMAT, datefmt=DATE_FORMAT, **kwargs):
        super().__init__(fmt=fmt, datefmt=datefmt, **kwargs)


class UTCJsonFormatter(JsonFormatter):
    """LOG_FORMAT=json: one object per line for a log collector — time (UTC ISO 8601 with
    milliseconds), level, logger, message, then request_id, task_id and task_name when the
    RequestIdFilter (center/core/request_id.py) set them, and exc_info with a traceback."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level",
                                            "name": "logger"})
        super().__init__("%(asctime)s %(levelname)s %(name)s %(message)s", *args, **kwargs)

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's name)
        moment = datetime.fromtimestamp(record.created, UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class DatabaseDownFilter(logging.Filter):
    """On django.request: while the database is down every request fails the same way and
    is answered 503 (center/core/errors.py). One line without a traceback per interval says
    so; the access log still counts each 503. Any other error keeps its traceback."""

    interval = 10.0  # seconds

    def __init__(self, name=""):
        super().__init__(name)
        self.quiet_until = 0.0

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if not isinstance(error, (OperationalError, InterfaceError)):
            return True
        now = time.monotonic()
        if now < self.quiet_until:
            return False
        self.quiet_until = now + self.interval
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
        record.msg = (f"{record.getMessage()}: database unavailable ({reason}); answering "
                      f"503, repeats silenced for {self.interval:.0f} s")
        record.args = ()
        record.exc_info = record.exc_text = None
        return True
