"""The GIN index on the search vector, on PostgreSQL only: SQLite (the embedded default) has
no GIN indexes and searches with a simpler fallback (see selectors.py)."""

from django.db import migrations

CREATE = "CREATE INDEX IF NOT EXISTS search_entry_vector_gin ON search_searchentry USING gin (vector)"
DROP = "DROP INDEX IF EXISTS search_entry_vector_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
