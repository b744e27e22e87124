import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.db import connection
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState

from center.core.migration_drift import KnownDriftAutodetector

# What djangocms-stories 0.9.3's models say that its migrations don't (see
# center/core/migration_drift.py). A package upgrade that changes this list must be looked at.
STORIES_DRIFT = {
    "Change Meta options on post",
    "Change Meta options on postcontent",
    "Alter unique_together for postcategorytranslation (1 constraint(s))",
    "Alter unique_together for storiesconfigtranslation (0 constraint(s))",
    "Alter field url_patterns on storiesconfig",
    "Create constraint djangocms_stories_postcategory_translation_uniq_lang on model "
    "postcategorytranslation",
    "Create constraint djangocms_stories_storiesconfig_translation_uniq_lang on model "
    "storiesconfigtranslation",
}


def detected(autodetector_class, from_state: ProjectState) -> dict:
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    autodetector = autodetector_class(from_state, ProjectState.from_apps(apps))
    return autodetector.changes(graph=loader.graph)


def test_the_whole_project_needs_no_migration():
    # What CI runs, and what `migrate` checks before printing "run makemigrations". In a
    # fresh process: applying djangocms-text's migrations here registers unmanaged models
    # of theirs that a real `manage.py` never sees.
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No changes detected" in result.stdout


def test_the_stories_drift_is_exactly_the_known_one_and_touches_no_setting_of_ours(db):
    loader = MigrationLoader(connection, ignore_no_migrations=True)
    changes = detected(MigrationAutodetector, loader.project_state())
    described = {operation.describe() for migration in changes.get("djangocms_stories", [])
                 for operation in migration.operations}
    # Our settings once changed two field defaults (enable_comments, use_placeholder) and
    # so added to the drift; the package defaults stay now.
    assert described == STORIES_DRIFT


def test_other_apps_changes_are_still_detected(db):
    # From an empty state every app needs migrations: only the known-drift app is left out.
    changes = detected(KnownDriftAutodetector, ProjectState())
    assert {"news", "trials", "events", "filer"} <= set(changes)
    assert "djangocms_stories" not in changes
