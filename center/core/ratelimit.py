"""Fixed-window attempt counters in Django's cache. With CACHE_URL on Redis every gunicorn
worker and host shares them; the default local-memory cache counts per process."""

import hashlib
import time

from django.core.cache import cache


def count_attempt(*, scope: str, ident: str, window_seconds: int) -> int:
    """Counts one attempt by `ident` (an IP, an email) and returns how many it made in the
    current window."""
    window = int(time.time() // window_seconds)
    # Hashed: the cache never holds addresses or emails in clear.
    digest = hashlib.sha256(f"{scope}:{ident}".encode("utf-8", "replace")).hexdigest()[:32]
    key = f"rate:{scope}:{digest}:{window}"
    cache.add(key, 0, timeout=window_seconds + 60)  # add, not set: never resets a count
    try:
        return cache.incr(key)
    except ValueError:  # evicted between add and incr: start again
        cache.set(key, 1, timeout=window_seconds + 60)
        return 1
