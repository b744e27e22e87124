"""gunicorn for the portal: `gunicorn center.wsgi --config deploy/gunicorn.conf.py`.
Access log on, every line in the portal's one shape (center/core/logs.py)."""

import os
import sys

workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms "%(f)s" "%(a)s"'

logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"()": "center.core.logs.UTCFormatter"}},
    "handlers": {
        "stderr": {"class": "logging.StreamHandler", "formatter": "line",
                   "stream": "ext://sys.stderr"},
        "stdout": {"class": "logging.StreamHandler", "formatter": "line",
                   "stream": "ext://sys.stdout"},
    },
    "root": {"handlers": ["stderr"], "level": "INFO"},
    "loggers": {
        "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}


def on_starting(server):
    """Load the settings in the master first: a missing variable stops gunicorn with one
    line naming it, instead of every worker failing to boot with a traceback."""
    from center.settings.required import MissingEnvironment

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center.settings.production")
    try:
        from django.conf import settings

        settings.SECRET_KEY  # noqa: B018 (reading one setting imports them all)
    except MissingEnvironment as error:
        sys.exit(f"gunicorn: {error}")


def child_exit(server, worker):
    """With PROMETHEUS_MULTIPROC_DIR (center/core/metrics.py): a worker that exits stops
    counting in the live gauges; its counters stay in the sum."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(worker.pid)
