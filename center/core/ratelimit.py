"""Fixed-window attempt counters in Django's cache. With CACHE_URL on Redis every gunicorn
worker and host shares them; the default local-memory cache counts per process. When the
shared cache is unreachable the counters fall back to this process's memory (a limit per
worker, still a limit) and the log says so once a minute."""

import hashlib
import logging
import time

from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache

from .cache import CONNECTION_ERRORS, cache_is_down, log_once

logger = logging.getLogger(__name__)

# Counters of this process, used only while the shared cache is down.
local_counts = LocMemCache("center-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 10000}})


def count_attempt(*, scope: str, ident: str, window_seconds: int) -> int:
    """Counts one attempt by `ident` (an IP, an email) and returns how many it made in the
    current window."""
    key = _key(scope, ident, window_seconds)
    if not cache_is_down(cache):
        try:
            count = _count(cache, key, window_seconds)
        except CONNECTION_ERRORS:  # a backend that raises instead of failing soft
            count = None
        if count is not None and not cache_is_down(cache):
            return count
    if log_once.ready("ratelimit-local"):
        logger.warning("Shared cache unreachable: rate limits count per process until it is "
                       "back")
    return _count(local_counts, key, window_seconds)


def attempts_made(*, scope: str, ident: str, window_seconds: int) -> int:
    """How many attempts count_attempt counted in the current window, counting none: a
    limit checked before trying (a guess that would succeed must not be tried at all)."""
    key = _key(scope, ident, window_seconds)
    if not cache_is_down(cache):
        try:
            return max(cache.get(key) or 0, local_counts.get(key) or 0)
        except CONNECTION_ERRORS:
            pass
    return local_counts.get(key) or 0


def _key(scope: str, ident: str, window_seconds: int) -> str:
    window = int(time.time() // window_seconds)
    # Hashed: the cache never holds addresses or emails in clear.
    digest = hashlib.sha256(f"{scope}:{ident}".encode("utf-8", "replace")).hexdigest()[:32]
    return f"rate:{scope}:{digest}:{window}"


def _count(counters, key: str, window_seconds: int) -> int:
    counters.add(key, 0, timeout=window_seconds + 60)  # add, not set: never resets a count
    try:
        return counters.incr(key)
    except ValueError:  # evicted between add and incr: start again
        counters.set(key, 1, timeout=window_seconds + 60)
        return 1
