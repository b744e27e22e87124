"""Reads from the PostgreSQL streaming replica, when one is configured (DATABASE_REPLICA_URL).

Only an anonymous visitor's GET/HEAD of a public page reads the replica, and only until the
request first writes: a replica lags, and whoever changed something must see the change.
Everything else — form posts, staff, the CMS's edit and preview pages, Celery workers,
management commands, migrations — reads and writes the primary ("default"). After a request
that wrote, the visitor's browser carries PRIMARY_COOKIE for a few seconds, so the page they
are sent to next (a thank-you or status page) is read from the primary too; caches in front
pass such a visitor through (front_cache.py, page_cache.py, deploy/nginx).

A replica that cannot be reached is left alone for REPLICA_RETRY_SECONDS and its reads go to
the primary, so a replica outage costs no page."""

import logging
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connection, connections
from django.utils.cache import get_max_age, patch_cache_control

REPLICA = "replica"
PRIMARY_COOKIE = "center_primary"
PRIMARY_COOKIE_SECONDS = 10
REPLICA_RETRY_SECONDS = 10
REPLICA_PAGE_SECONDS = 5  # max-age, and the apphook view cache, of a page read from the replica
SAFE_METHODS = ("GET", "HEAD")
# Staff and the CMS's own screens: the admin (under each language prefix), the toolbar's
# and the structure board's endpoints, and any page opened in edit, preview or structure mode.
PRIMARY_PATH_PARTS = ("/admin/", "/cms_wizard/", "/cms-api/")
PRIMARY_QUERY_WORDS = ("edit", "preview", "structure", "toolbar_on", "toolbar_off")
WRITES = ("INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "TRUNCATE")

logger = logging.getLogger(__name__)


class RequestReads:
    """Where the current request may read; one per request, in a context variable."""

    def __init__(self, replica_allowed: bool):
        self.replica_allowed = replica_allowed
        self.wrote = False  # the primary ran an INSERT, UPDATE or DELETE
        self.read_replica = False

    def read_alias(self) -> str:
        if not self.replica_allowed or self.wrote:
            return DEFAULT_DB_ALIAS
        self.read_replica = _replica_up()
        return REPLICA if self.read_replica else DEFAULT_DB_ALIAS


_current: ContextVar[RequestReads | None] = ContextVar("center_request_reads", default=None)
_replica_down_until = 0.0  # time.monotonic(); per process


def _replica_up() -> bool:
    """Connects (or health-checks the kept connection) once per request; a failure is
    remembered for REPLICA_RETRY_SECONDS, during which nobody waits for the replica."""
    global _replica_down_until
    if time.monotonic() < _replica_down_until:
        return False
    replica = connections[REPLICA]
    try:
        replica.close_if_health_check_failed()
        replica.ensure_connection()
    except (OperationalError, InterfaceError) as error:
        _replica_down_until = time.monotonic() + REPLICA_RETRY_SECONDS
        logger.warning("Read replica unreachable, reading the primary for %s s: %s",
                       REPLICA_RETRY_SECONDS, error)
        return False
    return True


def _note_write() -> None:
    reads = _current.get()
    if reads is not None:
        reads.wrote = True


def request_wrote() -> bool:
    reads = _current.get()
    return reads is not None and reads.wrote


def may_read_replica() -> bool:
    """Whether this request reads the replica (if it is up): what it renders may lag."""
    reads = _current.get()
    return reads is not None and reads.replica_allowed and not reads.wrote


def _spot_writes(execute, sql, params, many, context):
    # Every write, whatever made it (the ORM, queryset.update(), raw SQL), is SQL run here.
    if sql.lstrip()[:8].upper().startswith(WRITES):
        _note_write()
    return execute(sql, params, many, context)


def replica_allowed(request) -> bool:
    """Decided from the request alone, before sessions or users are loaded (they are read
    from the database too): a session cookie means a signed-in user or someone with state."""
    if request.method not in SAFE_METHODS:
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or PRIMARY_COOKIE in cookies:
        return False
    if any(part in request.path for part in PRIMARY_PATH_PARTS):
        return False
    return not any(word in request.GET for word in PRIMARY_QUERY_WORDS)


def _keep_briefly(response) -> None:
    """A page read from a lagging replica may be older than the content version it is stored
    under (the version moves when the primary commits): caches keep it only briefly, so it
    is rendered again soon after the replica has caught up."""
    max_age = get_max_age(response)
    if max_age is not None and max_age > REPLICA_PAGE_SECONDS:
        patch_cache_control(response, max_age=REPLICA_PAGE_SECONDS)
    template = getattr(response, "front_cache_template", None)
    if template is not None:
        response.front_cache_template = (template[0], min(template[1], REPLICA_PAGE_SECONDS))


class ReplicaRouter:
    """Reads where the current request may read; outside a request (workers, commands,
    migrations) always the primary. Writes and migrations only on the primary."""

    def db_for_read(self, model, **hints):
        reads = _current.get()
        return reads.read_alias() if reads is not None else DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        # Not itself a write: get_or_create asks this before its read (django CMS does so
        # on every request). Writes are spotted in the SQL the primary runs.
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same data on both

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS


class ReplicaReadsMiddleware:
    """Opens the request's RequestReads, watches the primary for writes, and pins a visitor
    whose request wrote to the primary for PRIMARY_COOKIE_SECONDS."""

    def __init__(self, get_response):
        if REPLICA not in settings.DATABASES or not settings.DATABASE_ROUTERS:
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        reads = RequestReads(replica_allowed(request))
        token = _current.set(reads)
        try:
            with connection.execute_wrapper(_spot_writes):  # the primary
                response = self.get_response(request)
        finally:
            _current.reset(token)
        if reads.read_replica:
            _keep_briefly(response)
        if reads.wrote:
            response.set_cookie(PRIMARY_COOKIE, "1", max_age=PRIMARY_COOKIE_SECONDS,
                                httponly=True, samesite="Lax",
                                secure=settings.SESSION_COOKIE_SECURE)
        return response
