from functools import cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_safe

from center.celery import app as celery_app

from .health import broker_state, cache_state, database_state
from .links import absolute

FAVICON = "core/img/favicon.ico"


@never_cache
@require_GET
def healthz(request):
    """Liveness: the process answers. No database, broker or cache call, so a load balancer
    or orchestrator never restarts a healthy process because something it uses is down."""
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    """Readiness: 503 while the database is unreachable (no page can be served); a broker
    or cache that is down only degrades the service (forms queue, pages go uncached)."""
    states = {"database": database_state(), "broker": broker_state(celery_app),
              "cache": cache_state()}
    healthy = states["database"] == "ok"
    degraded = states["broker"] == "down" or states["cache"] == "down"
    states["status"] = ("degraded" if degraded else "ok") if healthy else "down"
    return JsonResponse(states, status=200 if healthy else 503)


@require_safe
@cache_control(public=True, max_age=24 * 3600)
def robots_txt(request):
    # The admin (and the CMS editing endpoints under it) per language prefix; /healthz and
    # /readyz are for probes, /metrics for Prometheus. Disallow lines first: some parsers
    # take the first rule that matches.
    # The sitemap line must be absolute, so it follows the Site's domain.
    lines = ["User-agent: *"]
    lines += [f"Disallow: /{code}/admin/" for code, _name in settings.LANGUAGES]
    lines += ["Disallow: /healthz", "Disallow: /readyz", "Disallow: /metrics",
              "Allow: /", "",
              f"Sitemap: {absolute('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@cache
def _favicon_bytes() -> bytes:
    # Read once per process: browsers ask for /favicon.ico on every first visit.
    with open(finders.find(FAVICON), "rb") as icon:
        return icon.read()


@require_safe
@cache_control(public=True, max_age=30 * 24 * 3600)
def favicon(request):
    """/favicon.ico, which browsers request at the root whatever the page's <link> says."""
    return HttpResponse(_favicon_bytes(), content_type="image/x-icon")
