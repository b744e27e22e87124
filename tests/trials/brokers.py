import os
from contextlib import contextmanager

from center.celery import app as celery_app
from center.core import queue

DEAD_BROKER = "redis://127.0.0.1:9/0"  # the discard port: nothing listens there


def _reset_connections():
    # Celery keeps a connection pool per app; a new URL needs new connections.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None
    queue._broker_down_until = 0.0  # a new broker: try it at once


@contextmanager
def broker_at(url: str, *, eager: bool = False):
    """This process publishes to `url` (for real unless `eager`) inside the block."""
    conf = celery_app.conf
    saved = conf.task_always_eager, conf.broker_url, os.environ.get("CELERY_BROKER_URL")
    # Celery reads the CELERY_BROKER_URL environment variable before its own setting.
    conf.task_always_eager, conf.broker_url = eager, url
    os.environ["CELERY_BROKER_URL"] = url
    _reset_connections()
    try:
        yield
    finally:
        conf.task_always_eager, conf.broker_url = saved[:2]
        if saved[2] is None:
            os.environ.pop("CELERY_BROKER_URL", None)
        else:
            os.environ["CELERY_BROKER_URL"] = saved[2]
        _reset_connections()
