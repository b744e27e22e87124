"""The portal's handler500. A database that is down or restarting is not a bug in a page: the
visitor gets a 503 that says to try again (and when), not "something went wrong"."""

import sys

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views import defaults

# Refused or dropped connections, a server starting up or shutting down (OperationalError),
# and a connection object already closed under us (InterfaceError).
DATABASE_DOWN = (OperationalError, InterfaceError)
# A restarted PostgreSQL answers within seconds; persistent connections are checked before
# reuse (CONN_HEALTH_CHECKS), so the first retry after it is back succeeds.
RETRY_AFTER_SECONDS = 10


def database_unavailable(request) -> HttpResponse:
    """Renders with no request context: the context processors, the CMS menus and the
    session would all query the database that just failed. The language comes from the URL
    prefix, as LocaleMiddleware may not have run yet."""
    language = translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        body = render_to_string("503.html", {"retry_after": RETRY_AFTER_SECONDS})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    add_never_cache_headers(response)  # a proxy must not keep serving the outage
    return response


def server_error(request):
    # Django calls handler500 inside its `except` block, whether the error came from a view,
    # a template or any middleware (django CMS reads the database in several), so the
    # exception is still at hand here.
    if isinstance(sys.exc_info()[1], DATABASE_DOWN):
        return database_unavailable(request)
    return defaults.server_error(request)
