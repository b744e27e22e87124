"""Fixed-window counters in Django's cache. With CACHE_URL on Redis every gunicorn worker
and host shares them; the default local-memory cache limits each process on its own."""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def _key(scope: str, ident: str, window: int) -> str:
    # Hashed: the cache never holds an applicant's IP address or email in clear.
    digest = hashlib.sha256(f"{scope}:{ident}".encode("utf-8", "replace")).hexdigest()[:32]
    return f"trials:rate:{scope}:{digest}:{window}"


def rate_limit_hit(*, scope: str, ident: str, limit: int) -> bool:
    """Counts one attempt; False once `limit` attempts were made in this window."""
    if not settings.TRIALS_RATE_LIMIT_ENABLED:
        return True
    window = int(time.time() // WINDOW_SECONDS)
    key = _key(scope, ident, window)
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr: start again
        cache.set(key, 1, timeout=WINDOW_SECONDS + 60)
        count = 1
    return count <= limit
