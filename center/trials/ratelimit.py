from django.conf import settings

from center.core.ratelimit import count_attempt

WINDOW_SECONDS = 3600


def rate_limit_allows(*, scope: str, ident: str, limit: int) -> bool:
    """Counts one attempt; True while it is within `limit` for this window."""
    if not settings.TRIALS_RATE_LIMIT_ENABLED:
        return True
    count = count_attempt(scope=f"trials:{scope}", ident=ident, window_seconds=WINDOW_SECONDS)
    return count <= limit
