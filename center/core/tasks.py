from celery import shared_task
from django.db import connection


@shared_task(name="core.ping")
def ping() -> dict:
    """Answers from inside a worker with what it sees, so a test can prove the round trip."""
    from cms.models import Page

    return {"pong": True, "database": connection.vendor, "pages": Page.objects.count()}
