from io import StringIO

from django.core.management import call_command


def test_our_models_and_migrations_agree(db):
    # Only our apps: some packages' migrations lag their models (djangocms-stories' model
    # defaults follow settings), and a migration written into site-packages would not exist
    # on the next machine.
    out = StringIO()
    call_command("makemigrations", "core", "people", "events", "news", "search", "ethics",
                 "publications", "newsletter", "trials",
                 check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
