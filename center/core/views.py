from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from center.celery import app as celery_app

from .health import broker_state, database_state


@never_cache
@require_GET
def healthz(request):
    states = {"database": database_state(), "broker": broker_state(celery_app)}
    healthy = states["database"] == "ok"
    states["status"] = "ok" if healthy and states["broker"] != "down" else (
        "degraded" if healthy else "down"
    )
    return JsonResponse(states, status=200 if healthy else 503)
