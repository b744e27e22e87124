from celery import shared_task

from .services import search_reindex_all, search_reindex_kind


@shared_task(name="search.reindex_kind")
def reindex_kind(kind: str) -> int:
    return search_reindex_kind(kind)


@shared_task(name="search.reindex_all")
def reindex_all() -> dict:
    # Nightly (CELERY_BEAT_SCHEDULE): picks up what changes with time alone, such as a
    # story whose publication date has arrived.
    return search_reindex_all()
