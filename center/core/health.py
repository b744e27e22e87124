"""Readiness probes for /healthz: each answers with a short state word."""

from celery import Celery
from django.db import DatabaseError, connections


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
