from io import StringIO

from django.core.management import call_command


def test_our_models_and_migrations_agree(db):
    # Only our apps: some third-party packages ship migrations that lag their models.
    out = StringIO()
    call_command("makemigrations", "core", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
