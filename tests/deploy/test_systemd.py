"""Issue 17, item 4: the systemd units in deploy/systemd/. systemd itself reads them
(`systemd-analyze verify`: any warning, such as an unknown key or a bad value, fails), and the
properties an operator relies on are asserted: restart policy, graceful stop, one user, the
environment file, hardening that still lets the app write its uploads."""

import configparser
import os
import shutil
import subprocess

import pytest

from tests.support.processes import ROOT, free_port

UNITS = ROOT / "deploy/systemd"
APP_DIR = "/srv/center/app"
LONG_RUNNING = ("center-web.service", "center-worker.service", "center-beat.service")


def _unit(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read(UNITS / name)
    return parser


def test_systemd_reads_every_unit_without_a_warning(tmp_path):
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        if os.environ.get("CI"):
            pytest.fail("CI must have systemd-analyze (apt-get install systemd)")
        pytest.skip("systemd-analyze is not installed (apt-get install systemd)")
    # verify checks that ExecStart's programs exist: point them at this checkout.
    for unit in UNITS.iterdir():
        (tmp_path / unit.name).write_text(unit.read_text().replace(APP_DIR, str(ROOT)))
    names = sorted(str(path) for path in tmp_path.iterdir())
    assert len(names) == 5
    result = subprocess.run([analyze, "verify", "--man=no", *names], capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0 and result.stderr == "" and result.stdout == "", \
        result.stdout + result.stderr


@pytest.mark.parametrize("name", [*LONG_RUNNING, "center-backup.service"])
def test_every_service_runs_as_the_app_user_with_the_env_file_and_hardening(name):
    service = _unit(name)["Service"]
    assert service["User"] == service["Group"] == "center"
    assert service["EnvironmentFile"] == "/etc/center/center.env"
    assert service["ProtectSystem"] == "strict"
    assert service["PrivateTmp"] == service["NoNewPrivileges"] == "true"
    assert service["ExecStart"].startswith(APP_DIR)


@pytest.mark.parametrize("name", LONG_RUNNING)
def test_long_running_services_restart_on_failure_and_start_at_boot(name):
    unit = _unit(name)
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "multi-user.target"


def test_web_reloads_with_hup_and_may_write_only_uploads():
    service = _unit("center-web.service")["Service"]
    assert service["ExecReload"] == "/bin/kill -HUP $MAINPID"
    assert service["KillSignal"] == "SIGTERM"
    assert service["ReadWritePaths"] == "/srv/center/media"
    # gunicorn's graceful stop waits for requests up to its timeout: systemd waits longer.
    assert int(service["TimeoutStopSec"]) > 30


def test_worker_shuts_down_warm_and_waits_for_a_running_task():
    service = _unit("center-worker.service")["Service"]
    # TERM to the Celery main process only: it stops taking tasks and finishes the running
    # ones; its pool children are not killed under it.
    assert service["KillSignal"] == "SIGTERM" and service["KillMode"] == "mixed"
    assert int(service["TimeoutStopSec"]) >= 120


def test_beat_says_it_must_run_once_per_deployment():
    text = (UNITS / "center-beat.service").read_text()
    assert "Exactly ONE beat in the whole deployment" in text


def test_backup_runs_nightly_and_catches_up_after_downtime():
    timer = _unit("center-backup.timer")["Timer"]
    assert timer["OnCalendar"] == "*-*-* 03:15:00" and timer["Persistent"] == "true"
    service = _unit("center-backup.service")["Service"]
    assert service["Type"] == "oneshot"
    assert service["ExecStart"].endswith("deploy/backup/center-backup.sh")
    assert service["ReadWritePaths"] == "/srv/center/backups"


def test_web_start_waits_for_readyz(live_server, django_db_serialized_rollback):
    """The ExecStartPost check passes against a serving node and fails on a closed port."""
    command = _unit("center-web.service")["Service"]["ExecStartPost"].split()
    assert command[1:3] == ["deploy/wait_ready.py", "${WEB_BIND}"]
    script = [str(ROOT / ".venv/bin/python"), str(ROOT / "deploy/wait_ready.py")]
    serving = live_server.url.removeprefix("http://")
    assert subprocess.run([*script, serving, "20"], timeout=60).returncode == 0
    closed = subprocess.run([*script, f"127.0.0.1:{free_port()}", "2"], capture_output=True,
                            text=True, timeout=60)
    assert closed.returncode == 1 and "did not answer 200" in closed.stderr
