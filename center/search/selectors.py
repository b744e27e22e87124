from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Value, When

from .models import SearchEntry
from .text import config_for, query_terms, segment


def _postgres_search(query: str, language: str) -> QuerySet:
    search_query = SearchQuery(segment(query), search_type="websearch", config=config_for(language))
    return (SearchEntry.objects.filter(language=language, vector=search_query)
            .annotate(rank=SearchRank(F("vector"), search_query))
            .order_by("-rank", "title", "pk"))


def _fallback_search(query: str, language: str) -> QuerySet:
    # SQLite (the embedded default): every word must appear; title matches rank first.
    terms = query_terms(query)
    if not terms:
        return SearchEntry.objects.none()
    entries = SearchEntry.objects.filter(language=language)
    for term in terms:
        entries = entries.filter(Q(title__icontains=term) | Q(body__icontains=term))
    return (entries.annotate(rank=Case(When(title__icontains=terms[0], then=Value(2)),
                                       default=Value(1), output_field=IntegerField()))
            .order_by("-rank", "title", "pk"))


def search_entries(*, query: str, language: str, kinds: list[str] | None = None) -> QuerySet:
    """Entries in `language` matching `query`, best first, of the given kinds (all when
    None). The query must be cleaned first (text.clean_query)."""
    if not query:
        return SearchEntry.objects.none()
    if connection.vendor == "postgresql":
        entries = _postgres_search(query, language)
    else:
        entries = _fallback_search(query, language)
    return entries.filter(kind__in=kinds) if kinds else entries


def count_by_kind(entries: QuerySet) -> dict[str, int]:
    """How many of `entries` there are of each kind, in one query."""
    rows = entries.order_by().values("kind").annotate(total=Count("pk")).values_list(
        "kind", "total")
    return dict(rows)
