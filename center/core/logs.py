"""One log line shape for every process (web, worker, beat, gunicorn): UTC time, level,
logger, message. UTC because the site's TIME_ZONE is Shanghai, Celery's is UTC and the
machine's may be either; lines from different processes must sort together."""

import logging
import time

# The errors center/core/errors.py answers with the database-down 503.
from django.db import InterfaceError, OperationalError

LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class UTCFormatter(logging.Formatter):
    converter = time.gmtime

    def __init__(self, fmt=LINE_FORMAT, datefmt=DATE_FORMAT, **kwargs):
        super().__init__(fmt=fmt, datefmt=datefmt, **kwargs)


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
