import time

from cms.utils import apphook_reload
from django.conf import settings

from .content_version import content_version
from .metrics_view import metrics
from .views import healthz, readyz

# Answered before the rest: the probes, and Prometheus's scrape (no session, page or cache).
PROBES = {"/healthz": healthz, "/readyz": readyz, "/metrics": metrics}


class HealthCheckMiddleware:
    """Answers /healthz and /readyz before any other middleware runs: the CMS middlewares
    read the database (and the cache) on every request, and a probe must still answer when
    they are down."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path)
        if probe is not None:
            request.answered_by = probe.__name__  # the metrics' view label
            return probe(request)
        return self.get_response(request)


class NulInPathMiddleware:
    """No address contains a NUL character, and PostgreSQL refuses one in a query (a 500).
    Swap it for U+FFFD, which no slug contains: the request then ends in the usual
    friendly 404, whose template may safely look the path up too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info:
            request.path_info = request.path_info.replace("\x00", "\ufffd")
            request.path = request.path.replace("\x00", "\ufffd")
        return self.get_response(request)


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not send: a Permissions-Policy that turns off
    the powerful browser features no page of the portal uses (an injected script or frame
    cannot ask for the camera either), and Cross-Origin-Resource-Policy on HTML, which no
    other site has reason to load. Images and feeds stay loadable by others (feed readers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        if response.get("Content-Type", "").startswith("text/html"):
            response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response


class ApphookReloadMiddleware:
    """django CMS's ApphookReloadMiddleware, without its database read at every request (a
    millisecond of each form POST and each uncached page). Apphooks are set on pages, and
    every write to a page moves the content version (page_cache.py), in every process at
    once: the URLconf revision is read again when the version has moved, and at least every
    RECHECK_SECONDS should a revision ever change some other way."""

    RECHECK_SECONDS = 5

    def __init__(self, get_response):
        self.get_response = get_response
        self.checked_version = None
        self.checked_at = float("-inf")

    def __call__(self, request):
        version = content_version()  # before reading the revision: a later move re-reads
        now = time.monotonic()
        if version is None or version != self.checked_version \
                or now - self.checked_at > self.RECHECK_SECONDS:
            # A web process builds its URLs in its first request, after this check.
            apphook_reload.ensure_urlconf_is_up_to_date()
            self.checked_version, self.checked_at = version, now
        return self.get_response(request)
