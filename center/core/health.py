"""Readiness probes for /readyz: each answers with a short state word."""

from celery import Celery
from django.core.cache import caches
from django.db import DatabaseError, connections

from .cache import ResilientRedisCache


def database_state(alias: str = "default") -> str:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except DatabaseError:
        return "down"


def broker_state(app: Celery) -> str:
    if app.conf.task_always_eager:
        return "eager"
    try:
        with app.connection_for_write() as connection:
            # One quick attempt: a health check must answer fast, not wait out retries.
            connection.ensure_connection(max_retries=1, interval_start=0, timeout=2)
        return "ok"
    except Exception:  # noqa: BLE001
        # kombu raises transport-specific errors; any of them means down
        return "down"


def cache_state(alias: str = "default") -> str:
    """"ok" for a shared cache that answers, "local" for a per-process one (nothing to
    reach), "down" when the shared cache cannot be reached."""
    cache = caches[alias]
    if isinstance(cache, ResilientRedisCache):
        # A real round trip (short socket timeouts), whatever the back-off says.
        return "ok" if cache.ping() else "down"
    if cache.__class__.__module__.startswith(("django.core.cache.backends.locmem",
                                              "django.core.cache.backends.dummy")):
        return "local"
    try:
        cache.get("health:probe")
        return "ok"
    except Exception:  # noqa: BLE001
        # memcached clients raise their own errors; any of them means down
        return "down"
