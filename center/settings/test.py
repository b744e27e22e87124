"""Settings for the test suite (SQLite by default, PostgreSQL when DATABASE_URL is set)."""

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
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / ".test-media")

# Unit tests run tasks in-process; the integration tests switch a real broker on.
CELERY_TASK_ALWAYS_EAGER = True

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not memory, so a separate worker process can open the same test database.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / ".test-db.sqlite3")}
