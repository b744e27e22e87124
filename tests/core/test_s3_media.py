"""Uploaded media on a real S3-compatible server (moto's server mode over HTTP): uploads,
pages, downloads and the demo with MEDIA_S3_* set, and no file written on the node's disk.
Filer and easy-thumbnails choose their storages when imported, so the checks run in a pytest
process of their own started with S3 on (tests/core/s3_media_checks.py)."""

import os
import subprocess
import sys
from pathlib import Path

from tests.support.s3 import s3_server

ROOT = Path(__file__).resolve().parents[2]
SKIPPED_DIRS = {".git", ".venv", ".cache", "__pycache__", "node_modules", "staticfiles"}


def _project_files() -> set[str]:
    found = set()
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIPPED_DIRS and not d.startswith(".test")]
        # .test*: other test processes' SQLite databases and media folders.
        found.update(os.path.join(folder, name) for name in files if not name.startswith(".test"))
    return found


def _checks_env(s3, media_root: Path, tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTEST_", "MEDIA_", "CACHE_URL"))}
    # A test database of its own, next to this run's (pytest-django adds test_ in front).
    database = env.get("DATABASE_URL", "")
    if database.startswith("postgres"):
        env["DATABASE_URL"] = database + "_s3checks"
    return {**env, **s3.env(), "MEDIA_ROOT": str(media_root), "PYTHONDONTWRITEBYTECODE": "1",
            "TEST_SQLITE_PATH": str(tmp_path / "s3checks.sqlite3"),
            "DJANGO_SETTINGS_MODULE": "center.settings.test"}


def test_media_live_in_the_bucket_and_nothing_is_written_on_the_node(tmp_path):
    media_root = tmp_path / "media"
    media_root.mkdir()
    before = _project_files()
    with s3_server() as s3:
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xdist",
             "--create-db", "-q", "tests/core/s3_media_checks.py"],
            cwd=ROOT, env=_checks_env(s3, media_root, tmp_path), capture_output=True, text=True,
            timeout=600)
        keys = s3.keys()
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
    assert "5 passed" in run.stdout and "skipped" not in run.stdout
    # Uploads, thumbnails, renditions, the demo's PDFs: all in the bucket...
    assert any(k.startswith("public/filer_public/") for k in keys)
    assert any(k.startswith("public/filer_public_thumbnails/") for k in keys)
    assert any(k.startswith("public/publications/covers/") for k in keys)
    # ...and none on the node: MEDIA_ROOT stays empty, the project folder unchanged.
    assert list(media_root.rglob("*")) == []
    assert _project_files() - before == set()
