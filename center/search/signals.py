"""Keeps the index current: saving, deleting or (un)publishing a watched model refreshes
its kind once the transaction commits, through Celery (center.core.queue)."""

import itertools
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from djangocms_versioning.signals import post_version_operation

from center.core.queue import enqueue

from .sources import all_sources

REINDEX_TASK = "search.reindex_kind"

# A refresh enqueued after a change was scheduled already sees that change: later duplicate
# callbacks (a demo saves dozens of rows in one transaction) are skipped. The check must run
# at commit time, so this wraps queue.enqueue rather than using enqueue_on_commit.
_ticks = itertools.count()
_last_enqueued: dict[str, int] = {}


def _enqueue_unless_superseded(kind: str, ticket: int) -> None:
    if _last_enqueued.get(kind, -1) > ticket:
        return
    _last_enqueued[kind] = next(_ticks)
    # Visitors expect to find what was just published: without a broker, refresh here.
    enqueue(REINDEX_TASK, kind, if_broker_down="run_here")


def schedule_reindex(kind: str) -> None:
    transaction.on_commit(partial(_enqueue_unless_superseded, kind, next(_ticks)))


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
