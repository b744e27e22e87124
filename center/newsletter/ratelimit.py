"""A fixed-window count per IP address in Django's cache: with CACHE_URL on Redis, every
gunicorn worker shares the count."""

import time

from django.conf import settings
from django.core.cache import cache


def signup_allowed(*, ip: str) -> bool:
    window = settings.NEWSLETTER_SIGNUP_WINDOW_SECONDS
    key = f"newsletter:signup:{ip}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)  # add, not set: never resets a running count
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=window)
        count = 1
    return count <= settings.NEWSLETTER_SIGNUPS_PER_IP
