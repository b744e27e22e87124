"""Keeps the index current: saving, deleting or (un)publishing a watched model refreshes
its kind once the transaction commits, through Celery."""

import itertools
import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from djangocms_versioning.signals import post_version_operation
from kombu.exceptions import OperationalError

from .sources import all_sources

logger = logging.getLogger(__name__)

# A refresh enqueued after a change was scheduled already sees that change: later duplicate
# callbacks (a demo saves dozens of rows in one transaction) are skipped.
_ticks = itertools.count()
_last_enqueued: dict[str, int] = {}


def _enqueue(kind: str, ticket: int) -> None:
    from .services import search_reindex_kind
    from .tasks import reindex_kind

    if _last_enqueued.get(kind, -1) > ticket:
        return
    _last_enqueued[kind] = next(_ticks)
    try:
        reindex_kind.delay(kind)
    except OperationalError:
        logger.warning("Broker unavailable; refreshing the %s search entries in-process", kind)
        search_reindex_kind(kind)


def schedule_reindex(kind: str) -> None:
    transaction.on_commit(partial(_enqueue, kind, next(_ticks)))


def _on_change(kind, sender, raw=False, **kwargs):
    if not raw:
        schedule_reindex(kind)


def connect() -> None:
    for kind, source in all_sources().items():
        handler = partial(_on_change, kind)
        for model in getattr(source, "WATCH_MODELS", []):
            post_save.connect(handler, sender=model, weak=False,
                              dispatch_uid=f"search-{kind}-{model.__name__}-save")
            post_delete.connect(handler, sender=model, weak=False,
                                dispatch_uid=f"search-{kind}-{model.__name__}-del")
        for model in getattr(source, "VERSIONED_MODELS", []):
            post_version_operation.connect(
                handler, sender=model, weak=False,
                dispatch_uid=f"search-{kind}-{model.__name__}-version")
