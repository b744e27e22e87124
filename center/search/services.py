from django.contrib.postgres.search import SearchVector
from django.db import connection, transaction
from django.db.models import Value
from django.urls import NoReverseMatch

from center.core.apphooks import apphook_urls_up_to_date

from .models import SearchEntry
from .sources import all_sources
from .text import config_for, segment


def _vector(entry: SearchEntry) -> SearchVector:
    config = config_for(entry.language)
    return (SearchVector(Value(segment(entry.title)), weight="A", config=config)
            + SearchVector(Value(segment(entry.body)), weight="B", config=config))


@transaction.atomic
def search_reindex_kind(kind: str) -> int:
    """Rebuilds every entry of one kind from its source; returns how many there are now.
    A kind holds tens to hundreds of rows, so rebuilding whole is simpler than tracking
    each object, and always right."""
    # Outside a request (a Celery worker, a command) nothing else reloads the URLconf after
    # an apphook is attached, and the entries' URLs come from it.
    apphook_urls_up_to_date()
    source = all_sources()[kind]
    entries = []
    for obj in source.searchable_objects():
        try:
            documents = source.documents_for(obj)
        except NoReverseMatch:
            continue  # its page (apphook) is not set up: nothing to link to yet
        for document in documents:
            if not document.get("url"):
                continue
            entries.append(SearchEntry(
                kind=kind, source_key=f"{kind}:{obj.pk}", language=document["language"],
                title=document["title"][:1000], body=document.get("body", ""), url=document["url"],
            ))
    SearchEntry.objects.filter(kind=kind).delete()
    SearchEntry.objects.bulk_create(entries)
    if connection.vendor == "postgresql":
        for entry in SearchEntry.objects.filter(kind=kind):
            SearchEntry.objects.filter(pk=entry.pk).update(vector=_vector(entry))
    return len(entries)


def search_reindex_all() -> dict[str, int]:
    return {kind: search_reindex_kind(kind) for kind in all_sources()}
