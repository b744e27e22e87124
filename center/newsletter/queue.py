"""Publishing tasks after commit, with a fallback for a broker that is down: the row the
task works on is already committed, and beat's sweep finds it again."""

import logging
from functools import partial

from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)


def publish(task, *args, run_here_if_broker_down: bool = False, countdown: float = 0) -> None:
    try:
        task.apply_async(args, countdown=countdown or None)
    except OperationalError:
        if run_here_if_broker_down:
            logger.warning("Broker unavailable; running %s in-process", task.name)
            task.apply(args=args)
        else:
            logger.warning("Broker unavailable; %s is left to the newsletter sweep", task.name)


def publish_on_commit(task, *args, run_here_if_broker_down: bool = False) -> None:
    transaction.on_commit(partial(publish, task, *args,
                                  run_here_if_broker_down=run_here_if_broker_down))
