"""The one way work reaches Celery: by task name, after the transaction commits, with one
policy for a broker that is down.

A task is named, not imported, so a services module never imports its tasks module (tasks
call services; import-linter keeps it so). Publishing never raises into a request: the rows
the task works on are committed, and what was not published is either run here at once
(`if_broker_down="run_here"`, for work a visitor waits to see) or left to a beat sweep
(`"sweep"`). After one failure this process stops trying for BROKER_BACKOFF_SECONDS, so a
dead broker costs one request its connection timeout, not every request.
"""

import logging
import time
from functools import partial
from typing import Literal

from django.db import transaction

# The project's app, not celery.current_app: which app is "current" is per thread and may be
# Celery's default one (amqp://localhost, not eager), which would publish elsewhere.
from center.celery import app as celery_app

logger = logging.getLogger(__name__)

BROKER_BACKOFF_SECONDS = 30
IfBrokerDown = Literal["run_here", "sweep"]

_broker_down_until = 0.0


def broker_backing_off() -> bool:
    return time.monotonic() < _broker_down_until


def _task(task_name: str):
    if task_name not in celery_app.tasks:
        # Outside a worker nothing has imported the tasks modules yet: import every installed
        # app's tasks module now (not import_default_modules, which also runs Django's checks).
        celery_app.autodiscover_tasks(force=True)
    return celery_app.tasks[task_name]


def _run_here(task, task_name: str, args) -> None:
    try:
        task.apply(args=args, throw=True)
    except Exception:  # a failure here must not fail the request that caused it
        logger.exception("%s failed in-process; its sweep will retry", task_name)


def enqueue(task_name: str, *args, if_broker_down: IfBrokerDown = "sweep",
            countdown: float | None = None, force: bool = False) -> bool:
    """Hands the task to the broker; True when it was. `force` tries even while backing off
    (a sweep, which runs in a worker and must find out whether the broker is back)."""
    global _broker_down_until
    task = _task(task_name)
    if celery_app.conf.task_always_eager:
        # No broker at all (make run, the unit tests): the task runs here, now; an error in
        # it is the task's, not a dead broker's, so it starts no back-off.
        _run_here(task, task_name, args)
        return True
    if force or not broker_backing_off():
        try:
            task.apply_async(args, countdown=countdown or None)
            _broker_down_until = 0.0
            return True
        except Exception:  # noqa: BLE001 (kombu and the result backend raise many kinds)
            _broker_down_until = time.monotonic() + BROKER_BACKOFF_SECONDS
            logger.warning("Broker unavailable; %s %s", task_name,
                           "runs in-process" if if_broker_down == "run_here"
                           else "is left to its sweep", exc_info=True)
    if if_broker_down == "run_here":
        _run_here(task, task_name, args)
    return False


def enqueue_on_commit(task_name: str, *args, if_broker_down: IfBrokerDown = "sweep",
                      countdown: float | None = None) -> None:
    """Enqueue once the current transaction commits (at once outside one): a worker must
    never look for a row that is not committed yet."""
    transaction.on_commit(partial(enqueue, task_name, *args, if_broker_down=if_broker_down,
                                  countdown=countdown))
