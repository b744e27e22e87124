"""One log line shape for every process (web, worker, beat, gunicorn): UTC time, level,
logger, message. UTC because the site's TIME_ZONE is Shanghai, Celery's is UTC and the
machine's may be either; lines from different processes must sort together."""

import logging
import time

LINE_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
DATE_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


class UTCFormatter(logging.Formatter):
    converter = time.gmtime

    def __init__(self, fmt=LINE_FORMAT, datefmt=DATE_FORMAT, **kwargs):
        super().__init__(fmt=fmt, datefmt=datefmt, **kwargs)
