from celery import shared_task

from .services import search_reindex_kind


@shared_task(name="search.reindex_kind")
def reindex_kind(kind: str) -> int:
    return search_reindex_kind(kind)
