"""Which settings a process gets depends only on its environment; these run in subprocesses
so each one imports the settings fresh."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
    "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.EMAIL_BACKEND)"
)


def run_with(env_overrides: dict, code: str = PRINT_SETTINGS) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL",
                                                                     "CELERY_", "EMAIL_URL"))}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with({"DJANGO_SETTINGS_MODULE": "center.settings.production"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_production_with_a_secret_key_is_locked_down():
    result = run_with({
        "DJANGO_SETTINGS_MODULE": "center.settings.production",
        "DJANGO_SECRET_KEY": "x" * 50,
        "DJANGO_DEBUG": "true",  # production ignores a debug switch left in the environment
    })
    assert result.returncode == 0, result.stderr
    debug, _engine, _eager, hsts, secure_cookie, _email = result.stdout.split()
    assert debug == "False"
    assert int(hsts) >= 31536000
    assert secure_cookie == "True"


def test_local_default_is_sqlite_eager_celery_and_console_email():
    result = run_with({"DJANGO_SETTINGS_MODULE": "center.settings.local"})
    assert result.returncode == 0, result.stderr
    debug, engine, eager, _hsts, _secure, email = result.stdout.split()
    assert debug == "True"
    assert engine == "django.db.backends.sqlite3"
    assert eager == "True"
    assert email == "django.core.mail.backends.console.EmailBackend"


def test_environment_selects_postgresql_and_a_real_broker():
    result = run_with({
        "DJANGO_SETTINGS_MODULE": "center.settings.local",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/center",
        "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    })
    assert result.returncode == 0, result.stderr
    _debug, engine, eager, *_ = result.stdout.split()
    assert engine == "django.db.backends.postgresql"
    assert eager == "False"


def test_manage_py_defaults_to_local_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "diffsettings", "--output", "unified"],
        cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"},
    )
    assert result.returncode == 0, result.stderr
    assert "+ DEMO_MODE = True" in result.stdout
