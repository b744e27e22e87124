"""Settings for the test suite (SQLite by default, PostgreSQL when DATABASE_URL is set)."""

from pathlib import Path

from .base import *  # noqa: F401,F403
from .base import BASE_DIR, DATABASES, env

SECRET_KEY = "test-only-not-secret"
DEBUG = False
DEMO_MODE = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
if env("TEST_SMTP_PORT", default=""):
    # A Celery worker started by the integration tests delivers to the tests' SMTP sink.
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST, EMAIL_PORT = "127.0.0.1", env.int("TEST_SMTP_PORT")
    EMAIL_USE_TLS = EMAIL_USE_SSL = False
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ALLOWED_HOSTS = ["*"]
# Parallel test processes (pytest-xdist) each get a folder of their own.
MEDIA_ROOT = str(Path(env("MEDIA_ROOT", default=str(BASE_DIR / ".test-media")))
                 / env("PYTEST_XDIST_WORKER", default=""))

# Unit tests run tasks in-process; the integration tests switch a real broker on.
CELERY_TASK_ALWAYS_EAGER = True
# One queue per parallel test process: a worker a test starts (it inherits the variable)
# takes only the tasks of that process's tests, never another process's.
CELERY_TASK_DEFAULT_QUEUE = "celery" + env("PYTEST_XDIST_WORKER", default="")

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, so a separate worker process can open the same test database.
    # TEST_SQLITE_PATH: a test that runs a pytest of its own gives it another file.
    DATABASES["default"]["TEST"] = {
        "NAME": env("TEST_SQLITE_PATH", default=str(BASE_DIR / ".test-db.sqlite3"))}

# The router's own tests read through "replica": without DATABASE_REPLICA_URL it is the test
# database itself, and no router is set, so nothing else reads there.
DATABASES.setdefault("replica", {**DATABASES["default"], "TEST": {"MIRROR": "default"}})
