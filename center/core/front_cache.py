"""The front of the page cache: a public page an anonymous visitor asked for before is
answered here, first among the middlewares, without running the rest of Django (sessions,
django CMS's page lookup, the toolbar, the database).

What is stored is exactly what a visitor got: a 200 that passed every rule of page_cache.py
on its way out (anonymous, no toolbar, no messages, no cookie set, a max-age and nothing
private), with every header the inner middlewares added. Each entry carries the content
version it was rendered under; the current version (content_version.py: every write moves
it, and every process hears of it at once) decides whether it may still be served, so a
change is seen at the next request by every process. Entries also live in this process's
memory, so a hit asks Redis nothing; a process that misses takes the shared copy.

Form pages are stored too, as templates: a page made with `page_with_slots` carries markers
where each visitor's own values go (the CSRF token, a form's start token), and a hit fills
them in for this visitor, with the CSRF middleware around it to set the visitor's cookie and
gzip after it. What is stored never holds one visitor's token."""

import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from hashlib import sha256

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, get_max_age

from .content_version import content_version
from .db_router import PRIMARY_COOKIE
from .page_cache import is_personal, serves_from_cache

GZIP = re.compile(r"\bgzip\b")
LOCAL_ENTRIES = 500  # per process; a page is 4-60 KB
# A visitor with one of these may see something personal: the toolbar (a session cookie,
# settings.SESSION_COOKIE_NAME) or a message.
MESSAGES_COOKIE = CookieStorage.cookie_name
# A visitor who just wrote reads the primary for a few seconds (db_router.py): a stored page
# may be older than what they sent.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, MESSAGES_COOKIE, PRIMARY_COOKIE)
# Headers of one sending, not of the page: a template's are set again when it is filled in.
PER_SENDING = ("content-length", "content-encoding", "etag")

# Where a form page wants this visitor's CSRF token (a plain word: escaping keeps it as is).
CSRF_SLOT = "front-cache-csrf-token-slot-7c2e40"
_fillers: dict[str, Callable] = {CSRF_SLOT: get_token}


def fill_per_visitor(slot: str, filler: Callable) -> None:
    """`filler(request)` replaces `slot` in pages made with page_with_slots. Call it from an
    AppConfig.ready, so every process can fill a template another process stored."""
    _fillers[slot] = filler


def _filled(request, template: str) -> str:
    for slot, filler in _fillers.items():
        if slot in template:
            template = template.replace(slot, filler(request))
    return template


def page_with_slots(request, template: str, *, seconds: int) -> HttpResponse:
    """This visitor's page: `template` with every slot filled in. For anonymous visitors the
    front cache keeps the template for `seconds` (or until the content changes), and serves
    the next visitor from it without rendering."""
    response = HttpResponse(_filled(request, template))
    response.front_cache_template = (template, seconds)
    return response


@dataclass(frozen=True)
class Entry:
    version: int
    expires: float  # time.time()
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    template: bool = False  # content has slots to fill per visitor (page_with_slots)

    def response(self, content: bytes | str | None = None) -> HttpResponse:
        response = HttpResponse(self.content if content is None else content, status=self.status)
        # The headers were checked when the page was first sent: copied as they are, which
        # is a quarter of a hit's time less than setting them one by one.
        response.headers._store = {name.lower(): (name, value) for name, value in self.headers}
        return response


_local: OrderedDict[str, Entry] = OrderedDict()


def _address(request) -> str | None:
    """What a stored page is found by in this process; None: not for the front cache."""
    if request.method != "GET" or ("HTTP_COOKIE" in request.META and any(
            name in request.COOKIES for name in PERSONAL_COOKIES)):
        return None
    meta = request.META
    encoding = "gzip" if GZIP.search(meta.get("HTTP_ACCEPT_ENCODING", "")) else "-"
    # The raw Host: a host Django refuses never matches a stored page, and is refused below.
    return (f"{encoding}|{request.scheme}|{meta.get('HTTP_HOST', '')}|{request.path}"
            f"?{meta.get('QUERY_STRING', '')}")


def _shared_key(address: str) -> str:
    return "portal:front:" + sha256(address.encode()).hexdigest()


def _to_store(request, response) -> tuple[bytes, tuple, int, bool] | None:
    """What to keep of `response` — (content, headers, seconds, is a template) — or None."""
    # No user: answered before the auth middleware ran (a static file, a redirect).
    if response.status_code != 200 or response.streaming or not hasattr(request, "user") \
            or not serves_from_cache(request):
        return None
    template = getattr(response, "front_cache_template", None)
    if template is not None:
        # The visitor's CSRF cookie is the one thing a template's page may set.
        if not set(response.cookies) <= {settings.CSRF_COOKIE_NAME}:
            return None
        content, seconds = template
        headers = tuple((name, value) for name, value in response.items()
                        if name.lower() not in PER_SENDING)
        return content.encode(), headers, seconds, True
    max_age = get_max_age(response)
    if not max_age or is_personal(request, response):
        return None
    return response.content, tuple(response.items()), max_age, False


def _remember(address: str, entry: Entry) -> None:
    _local[address] = entry
    _local.move_to_end(address)
    while len(_local) > LOCAL_ENTRIES:
        _local.popitem(last=False)


def _fresh(entry, version: int) -> bool:
    return isinstance(entry, Entry) and entry.version == version and entry.expires > time.time()


class FrontCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # A template's page for this visitor: the CSRF cookie as the CSRF middleware sets
        # it for a page that asked for a token, and compressed as the gzip middleware would.
        self.fill_in = GZipMiddleware(CsrfViewMiddleware(self._template_page))

    @staticmethod
    def _template_page(request):
        entry = request.front_cache_entry
        response = entry.response(_filled(request, entry.content.decode()))
        response.headers["Content-Length"] = str(len(response.content))  # as CommonMiddleware
        return response

    def __call__(self, request):
        address = _address(request)
        version = content_version() if address else None
        if version is None:  # not cacheable, or the cache is down: no storing either
            return self.get_response(request)
        entry = _local.get(address)
        if not _fresh(entry, version):
            entry = cache.get(_shared_key(address))
            if _fresh(entry, version):
                _remember(address, entry)
            else:
                entry = None
        if entry is not None:
            request.answered_by = "front_cache"  # the metrics' view label
        if entry is not None and entry.template:
            request.front_cache_entry = entry
            return self.fill_in(request)
        if entry is not None:
            # Stored with the ETag ConditionalGetMiddleware (inside this one) gave it: a
            # visitor or nginx that has the page gets a 304 without hashing it again.
            response = entry.response()
            if "HTTP_IF_NONE_MATCH" not in request.META \
                    and "HTTP_IF_MODIFIED_SINCE" not in request.META:
                return response
            return get_conditional_response(request, etag=response.get("ETag"),
                                            response=response)

        response = self.get_response(request)
        kept = _to_store(request, response)
        if kept is not None:
            content, headers, seconds, template = kept
            entry = Entry(version=version, expires=time.time() + seconds,
                          status=response.status_code, headers=headers, content=content,
                          template=template)
            cache.set(_shared_key(address), entry, seconds)
            _remember(address, entry)
        return response
