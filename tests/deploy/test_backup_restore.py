"""Issue 17, item 4: the backup and its restore drill (deploy/backup/), against a PostgreSQL of
the test's own, migrated and filled with the demo content. The drill must bring back what was
backed up after the live data changed, and must fail on a truncated dump."""

import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from tests.support.postgres import Cluster, postgres_bin
from tests.support.processes import ROOT

BACKUP = ROOT / "deploy/backup/center-backup.sh"
DRILL = ROOT / "deploy/backup/restore-drill.sh"
COUNTED = ("auth_user", "cms_page", "djangocms_stories_post", "newsletter_subscriber")


def _sql(cluster: Cluster, sql: str, database: str = "portal") -> str:
    return cluster.run("psql", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres",
                       "-d", database, "-X", "-tA", "-v", "ON_ERROR_STOP=1", "-c", sql).stdout


def _counts(cluster: Cluster, database: str = "portal") -> dict[str, int]:
    return {table: int(_sql(cluster, f"SELECT count(*) FROM {table}", database))
            for table in COUNTED}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """(cluster, the scripts' environment) for a migrated database with the demo content,
    shared by the tests here (migrating takes a minute); each test has its own BACKUP_DIR."""
    tmp_path = tmp_path_factory.mktemp("site")
    bindir = postgres_bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("CI must install PostgreSQL (initdb, pg_ctl)")
        pytest.skip("no PostgreSQL binaries (initdb, pg_ctl) on this machine")
    cluster = Cluster(bindir, tmp_path)
    try:
        cluster.initdb()
        cluster.start()
        cluster.run("createdb", "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres",
                    "portal")
        django = {**os.environ, "DJANGO_SETTINGS_MODULE": "center.settings.test",
                  "DATABASE_URL": cluster.url, "MEDIA_ROOT": str(tmp_path / "media")}
        for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL"):
            django.pop(name, None)  # tasks in-process, a local cache
        for command in (["migrate", "-v0"], ["load_demo"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=django,
                           check=True, capture_output=True, timeout=900)
        scripts = {**os.environ, "PATH": f"{bindir}:{os.environ['PATH']}",
                   "DATABASE_URL": cluster.url, "MEDIA_ROOT": str(tmp_path / "media"),
                   "RESTORE_DATABASE_URL": cluster.url.replace("/portal", "/portal_drill")}
        scripts.pop("MEDIA_S3_BUCKET", None)
        yield cluster, scripts
    finally:
        cluster.stop()
        cluster.cleanup()


def _run(script: Path, env: dict, **extra) -> subprocess.CompletedProcess:
    return subprocess.run([str(script)], env={**env, **extra}, capture_output=True, text=True,
                          timeout=300)


def test_the_drill_restores_what_was_backed_up_after_the_live_data_changed(site, tmp_path):
    cluster, env = site
    backups = tmp_path / "backups"
    backups.mkdir()
    env = {**env, "BACKUP_DIR": str(backups)}
    media = Path(env["MEDIA_ROOT"])
    expired = backups / "center-20200101-031500.dump"  # older than BACKUP_KEEP_DAYS
    expired.write_bytes(b"old")
    os.utime(expired, (time.time() - 30 * 86400,) * 2)
    (media / "uploads").mkdir(parents=True, exist_ok=True)
    (media / "uploads/paper.pdf").write_bytes(b"%PDF-1.4 a paper")
    backed_up = _counts(cluster)
    assert backed_up["cms_page"] > 0 and backed_up["newsletter_subscriber"] > 0, backed_up

    backup = _run(BACKUP, env, BACKUP_KEEP_DAYS="14")
    assert backup.returncode == 0, backup.stdout + backup.stderr
    dumps = list(backups.glob("center-*.dump"))
    assert len(dumps) == 1 and not expired.exists()  # the expired one went
    with tarfile.open(next(backups.glob("media-*.tar.gz"))) as media:
        assert media.extractfile("./uploads/paper.pdf").read() == b"%PDF-1.4 a paper"

    # After the backup: every subscriber deleted, a new user.
    _sql(cluster, "TRUNCATE newsletter_subscriber CASCADE")
    _sql(cluster, "INSERT INTO auth_user (password, is_superuser, username, first_name, "
                  "last_name, email, is_staff, is_active, date_joined) VALUES "
                  "('!', false, 'after-backup', '', '', '', false, true, now())")
    assert _counts(cluster) != backed_up

    drill = _run(DRILL, env)
    assert drill.returncode == 0, drill.stdout + drill.stderr
    assert drill.stdout.rstrip().splitlines()[-1].startswith("OK: ")
    assert _counts(cluster, "portal_drill") == backed_up
    for table, rows in backed_up.items():
        assert f"{table}: {rows}\n" in drill.stdout
    # The drill wrote only into its scratch database.
    assert int(_sql(cluster, "SELECT count(*) FROM newsletter_subscriber")) == 0


def test_the_drill_fails_on_a_truncated_dump_and_never_restores_into_the_live_database(
        site, tmp_path):
    cluster, env = site
    env = {**env, "BACKUP_DIR": str(tmp_path / "backups")}
    backup = _run(BACKUP, env)
    assert backup.returncode == 0, backup.stdout + backup.stderr
    dump = next((tmp_path / "backups").glob("center-*.dump"))
    truncated = tmp_path / "truncated.dump"
    truncated.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])

    drill = _run(DRILL, env, BACKUP_FILE=str(truncated))
    assert drill.returncode != 0
    assert drill.stdout.rstrip().splitlines()[-1].startswith("FAIL: pg_restore")

    live = _run(DRILL, env, RESTORE_DATABASE_URL=env["DATABASE_URL"])
    assert live.returncode != 0 and "is the live database" in live.stdout
    assert _counts(cluster)["cms_page"] > 0
