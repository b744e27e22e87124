"""Anonymous visitors' pages from the shared cache: never stale, never private.

CMS pages use django CMS's own page cache (and its placeholder cache); apphook views use
`cache_public_view`, Django's cache_page under a key that carries the site-wide content
version. A write to anything a page shows calls `invalidate_public_pages`: both versions move
on and every placeholder cache is dropped, so every cached page, in every language and every
process sharing CACHE_URL, misses at the next request.

Apps say what their pages show with `invalidate_on_change(*models)` in their AppConfig.ready:
model signals see every write (the admin, djangocms-versioning, filer, the structure board,
services, shell), where hooks in our services would miss all but our own. Writes with
QuerySet.update() send no signal: the download counter uses it on purpose (no page shows
it); anything else written that way must call invalidate_public_pages itself."""

import logging
from datetime import datetime
from functools import wraps

from cms.cache import invalidate_cms_page_cache
from cms.cache.placeholder import _get_placeholder_cache_version_key
from cms.models import CMSPlugin, Placeholder
from cms.utils.conf import get_cms_setting
from django.conf import settings
from django.contrib.messages import get_messages
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import cache_page
from djangocms_versioning import constants
from djangocms_versioning.signals import post_version_operation

from .content_version import bump_version, content_version
from .db_router import PRIMARY_COOKIE, REPLICA_PAGE_SECONDS, may_read_replica

logger = logging.getLogger(__name__)

SAFE_METHODS = ("GET", "HEAD")


# --- the version ---------------------------------------------------------------------------
def invalidate_public_pages() -> None:
    """Every cached public page misses at its next request."""
    invalidate_cms_page_cache()
    # django CMS versions each placeholder's cache on its own and never drops it when other
    # content changes (the Latest news list, an event card): forget every version, so each
    # placeholder starts a fresh one at its next render.
    site_id = settings.SITE_ID
    languages = [code for code, _name in settings.LANGUAGES]
    keys = [_get_placeholder_cache_version_key(placeholder, language, site_id)
            for placeholder in Placeholder.objects.only("pk").iterator()
            for language in languages]
    for start in range(0, len(keys), 1000):
        cache.delete_many(keys[start:start + 1000])
    # Last: a page rendered once the version has moved must not use a cache dropped above.
    bump_version()


def invalidate_after_write() -> None:
    """Now, and once more when the transaction commits: a visitor served between the write
    and the commit re-renders the old content, and the second bump drops that copy."""
    invalidate_public_pages()
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        return
    if any(callback is invalidate_public_pages
           for _savepoints, callback, _robust in connection.run_on_commit):
        return  # one bump at commit time covers every write of the transaction
    transaction.on_commit(invalidate_public_pages, robust=True)


# --- what pages show -----------------------------------------------------------------------
# Plugins and the Site (every absolute link) are on every app's pages.
_watched: tuple[type, ...] = (CMSPlugin, Site)


def invalidate_on_change(*models: type) -> None:
    """Saving, deleting or relinking (many-to-many) one of `models` invalidates the pages."""
    global _watched
    _watched = (*_watched, *(model for model in models if model not in _watched))


def _on_write(sender, instance=None, raw=False, **kwargs):
    if not raw and isinstance(instance, _watched):
        invalidate_after_write()


def _on_relink(sender, instance=None, action="", **kwargs):
    if action.startswith("post_") and isinstance(instance, _watched):
        invalidate_after_write()


def _on_version_operation(sender, operation, **kwargs):
    # Pages, aliases, stories: whatever djangocms-versioning publishes or takes down.
    if operation in (constants.OPERATION_PUBLISH, constants.OPERATION_UNPUBLISH):
        invalidate_after_write()


def connect() -> None:
    post_save.connect(_on_write, dispatch_uid="page_cache.save")
    post_delete.connect(_on_write, dispatch_uid="page_cache.delete")
    m2m_changed.connect(_on_relink, dispatch_uid="page_cache.m2m")
    post_version_operation.connect(_on_version_operation, dispatch_uid="page_cache.version")


# --- who may get a cached page -------------------------------------------------------------
def serves_from_cache(request) -> bool:
    """Only anonymous GET/HEAD without the toolbar and without messages waiting for them."""
    if request.method not in SAFE_METHODS or request.user.is_authenticated:
        return False
    if PRIMARY_COOKIE in request.COOKIES:  # just wrote: their own data, from the primary
        return False
    toolbar = getattr(request, "toolbar", None)
    if toolbar is not None and (toolbar.show_toolbar or toolbar.edit_mode_active):
        return False
    return len(get_messages(request)) == 0


def is_personal(request, response) -> bool:
    """A response meant for this visitor alone: it sets a cookie, carries a CSRF token, or
    says so itself (private, no-store, no-cache). Never stored for anyone else."""
    cache_control = response.get("Cache-Control", "")
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or response.cookies
                or any(word in cache_control for word in ("private", "no-store", "no-cache")))


def content_duration() -> int:
    return get_cms_setting("CACHE_DURATIONS")["content"]


def earliest(*moments: datetime | None) -> datetime | None:
    """The first of the moments a page changes by time alone (None: none of them)."""
    return min((moment for moment in moments if moment is not None), default=None)


def seconds_until(moment: datetime | None) -> int:
    """A cache lifetime ending at `moment` (None: no time-based change), at most the
    content duration and at least 1 s, for a change due right now."""
    duration = content_duration()
    if moment is None:
        return duration
    return max(1, min(duration, int((moment - timezone.now()).total_seconds())))


def once_per_request(request, name: str, compute):
    """`compute()` once per request: django CMS asks each plugin for its expiry up to three
    times per render (placeholder cache key, placeholder cache, page cache)."""
    memo = request.__dict__.setdefault("_page_cache_memo", {})
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def known_for_request(request, name: str, value) -> None:
    """What once_per_request(request, name, …) would compute, found by a read the plugin
    makes anyway (its rows carry it): the expiry then costs no query of its own."""
    if request is not None:
        request.__dict__.setdefault("_page_cache_memo", {}).setdefault(name, value)


class PageCacheGuardMiddleware:
    """django CMS serves and stores its page cache for every anonymous visitor; a visitor
    with messages waiting gets a page rendered for them alone, never stored (CMS pages; the
    apphook views check for themselves). Goes after cms's ToolbarMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        toolbar = getattr(request, "toolbar", None)
        if toolbar is not None and request.method in SAFE_METHODS \
                and len(get_messages(request)) > 0:
            toolbar._cache_disabled = True  # set_page_cache then sends no-store instead
        return self.get_response(request)


def cache_public_view(view=None, *, expires=None):
    """Cache an apphook view's response for anonymous visitors in the shared cache, keyed by
    the full URL, the language and the content version. `expires()` may return when the
    content changes by time alone (an event starts); it runs only when the page is rendered.

    Never stored: responses that are private or no-store, set a cookie or carry a CSRF token
    (marked private here, which Django's cache_page refuses), or are not a 200."""
    if view is None:
        return lambda view: cache_public_view(view, expires=expires)

    @wraps(view)
    def render(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        if is_personal(request, response):
            patch_cache_control(response, private=True)  # cache_page stores no private page
        elif "max-age" not in response.get("Cache-Control", ""):
            patch_cache_control(response, max_age=seconds_until(expires() if expires else None))
        return response

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        version = content_version() if serves_from_cache(request) else None
        if version is None:
            return view(request, *args, **kwargs)
        seconds = content_duration()
        if may_read_replica():  # may be older than `version` while the replica lags
            seconds = min(seconds, REPLICA_PAGE_SECONDS)
        cached_view = cache_page(seconds, key_prefix=f"portal.v{version}")(render)
        return cached_view(request, *args, **kwargs)

    return wrapper
