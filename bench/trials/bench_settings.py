"""Settings for the benchmark's gunicorn: production-like (no debug, PostgreSQL, Redis for
cache and broker from the environment), served over plain HTTP on loopback."""

from center.settings.base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "bench-only-not-secret"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "root": {"handlers": [], "level": "WARNING"}}
