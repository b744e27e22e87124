from time import perf_counter

from django.conf import settings

from . import metrics
from .request_id import HEADER, current_request_id, request_id_for


def _view_label(request) -> str:
    """Which kind of answer: what answered early says so (`request.answered_by`: a probe, the
    front cache), else the URL pattern's name; never the path (unbounded label values)."""
    answered_by = getattr(request, "answered_by", None)
    if answered_by:
        return answered_by
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name or match._func_path
    if request.path.startswith(settings.STATIC_URL):
        return "static"
    return "unresolved"  # a 404 outside every pattern, a redirect before resolving


class RequestIdMiddleware:
    """First of all: gives the request its id (request_id.py) for every log line written
    while it runs, echoes it in X-Request-ID, and counts the answer and its time
    (metrics.py). Kept to a few microseconds: it also runs for front-cache hits."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = perf_counter()
        request_id = request_id_for(request.META)
        token = current_request_id.set(request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response.headers[HEADER] = request_id
        metrics.count_request(request.method, response.status_code, _view_label(request),
                              perf_counter() - started)
        return response
