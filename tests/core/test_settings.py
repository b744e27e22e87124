"""Which settings a process gets depends only on its environment; these run in subprocesses
so each one imports the settings fresh."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PRINT_SETTINGS = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.DEBUG, s.DATABASES['default']['ENGINE'], s.CELERY_TASK_ALWAYS_EAGER, "
    "s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.EMAIL_BACKEND)"
)


def clean_environ() -> dict:
    """This process's environment without anything that chooses settings."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("DJANGO_", "DATABASE_URL", "CELERY_", "EMAIL_URL", "CACHE_URL",
                                 "SITE_DOMAIN"))}


def run_with(env_overrides: dict, code: str = PRINT_SETTINGS) -> subprocess.CompletedProcess:
    env = {**clean_environ(), **env_overrides}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "center.settings.production",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
    "SITE_DOMAIN": "portal.example.org",
    "EMAIL_URL": "smtp://mail.example.org:587",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
}
PRINT_SECURITY = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SECURE_HSTS_PRELOAD, s.SECURE_PROXY_SSL_HEADER)"
)


def production_without(name: str, **overrides) -> dict:
    env = {**PRODUCTION, **overrides}
    env.pop(name, None)
    return env


@pytest.mark.parametrize("name", ["DJANGO_SECRET_KEY", "SITE_DOMAIN", "EMAIL_URL",
                                  "CELERY_BROKER_URL", "CACHE_URL"])
def test_production_refuses_to_start_naming_the_missing_variable(name):
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True,
        timeout=60, env={**clean_environ(), **production_without(name)})
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr  # one line, not a traceback
    assert name in lines[0]
    assert [other for other in PRODUCTION if other in lines[0]] == [name]


def test_a_per_process_cache_is_refused_in_production():
    # Rate limits counted in each process's memory are no limits with several workers.
    result = run_with({**PRODUCTION, "CACHE_URL": "locmemcache://"})
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr.strip().splitlines()[-1]


def test_a_server_started_without_settings_gets_production_and_refuses_to_run():
    # center/wsgi.py defaults to production: no debug pages with a published key.
    result = run_with({}, code="import center.wsgi")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr.strip().splitlines()[-1]


def test_gunicorn_stops_with_one_line_when_a_variable_is_missing():
    gunicorn = Path(sys.executable).with_name("gunicorn")
    result = subprocess.run(
        [str(gunicorn), "center.wsgi", "--config", "deploy/gunicorn.conf.py",
         "--bind", "127.0.0.1:0"], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**clean_environ(), **production_without("EMAIL_URL")})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "EMAIL_URL" in result.stderr.strip().splitlines()[-1]


def test_production_with_every_variable_is_locked_down():
    result = run_with({**PRODUCTION, "DJANGO_DEBUG": "true"})  # production ignores debug
    assert result.returncode == 0, result.stderr
    debug, _engine, _eager, hsts, secure_cookie, _email = result.stdout.split()
    assert debug == "False"
    assert int(hsts) >= 31536000
    assert secure_cookie == "True"


def test_hsts_preload_sub_domains_and_the_proxy_header_are_opt_in():
    result = run_with(PRODUCTION, code=PRINT_SECURITY)
    assert result.stdout.split() == ["False", "False", "None"], result.stderr
    result = run_with({**PRODUCTION, "DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS": "true",
                       "DJANGO_SECURE_HSTS_PRELOAD": "true", "DJANGO_BEHIND_TLS_PROXY": "true"},
                      code=PRINT_SECURITY)
    assert result.stdout.strip() == "True True ('HTTP_X_FORWARDED_PROTO', 'https')", result.stderr


def test_production_passes_djangos_deployment_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**clean_environ(), **PRODUCTION})
    assert result.returncode == 0, result.stdout + result.stderr


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


@pytest.mark.django_db
def test_postgresql_never_jit_compiles_a_page_query():
    # The plugin read of a page joins every plugin table; with JIT on, PostgreSQL spent
    # 230 ms compiling that 0.1 ms query on every uncached page.
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"
