from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """One searchable thing in one language, as visitors see it. Rows are rebuilt from the
    content apps (see sources.py) whenever their content changes, never at query time.

    `vector` (PostgreSQL only) holds the title at weight A and the body at weight B; Chinese
    text is split into words with jieba before it is indexed. Its GIN index is created by
    migration 0002 on PostgreSQL only."""

    kind = models.CharField(max_length=20, db_index=True)
    source_key = models.CharField(max_length=80)
    language = models.CharField(max_length=10)
    title = models.TextField()
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    vector = SearchVectorField(null=True, editable=False)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source_key", "language"],
                                    name="search_entry_unique_source"),
        ]
        indexes = [models.Index(fields=["language", "kind"], name="search_entry_language_kind")]

    def __str__(self):
        return f"{self.kind}: {self.title} ({self.language})"
