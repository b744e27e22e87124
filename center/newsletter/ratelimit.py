from django.conf import settings

from center.core.ratelimit import count_attempt


def signup_allowed(*, ip: str) -> bool:
    count = count_attempt(scope="newsletter:signup", ident=ip,
                          window_seconds=settings.NEWSLETTER_SIGNUP_WINDOW_SECONDS)
    return count <= settings.NEWSLETTER_SIGNUPS_PER_IP
