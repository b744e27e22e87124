"""Production: no default secret, no debug, secure cookies and HSTS. Refuses to start when a
variable it cannot guess is missing (center/settings/required.py)."""

import os

from .base import *  # noqa: F403
from .base import STORAGES, env
from .required import require

require(os.environ, {
    "DJANGO_SECRET_KEY": "signs sessions, tokens and links",
    "SITE_DOMAIN": "the host name in feeds, the sitemap, share tags and emails",
    "EMAIL_URL": "where confirmations and decisions are sent, e.g. smtp://host:587",
    "CELERY_BROKER_URL": "the queue for emails and campaigns, e.g. redis://host:6379/0",
    "CACHE_URL": "a cache every process shares (redis://…), or rate limits count per process",
})

DEBUG = False
DEMO_MODE = False
SECRET_KEY = env("DJANGO_SECRET_KEY")

# Only a proxy that overwrites X-Forwarded-Proto may be believed; otherwise any visitor
# could claim https and the SSL redirect and secure cookies would be decided by them.
if env.bool("DJANGO_BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
# Opt-in: covering sub-domains or joining browsers' preload list is hard to undo, and a
# university sub-domain must not decide that for its parent by accident.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", default=False)
SECURE_HSTS_PRELOAD = env.bool("DJANGO_SECURE_HSTS_PRELOAD", default=False)
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_SAMESITE = "Lax"

SILENCED_SYSTEM_CHECKS = [
    *SILENCED_SYSTEM_CHECKS,  # noqa: F405
    # X_FRAME_OPTIONS is SAMEORIGIN, not DENY: django CMS edits pages inside its own frames.
    "security.W019",
]
if not SECURE_HSTS_INCLUDE_SUBDOMAINS:
    SILENCED_SYSTEM_CHECKS.append("security.W005")  # opt-in above, on purpose
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS.append("security.W021")  # opt-in above, on purpose

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Share tags (OpenGraph, Twitter), feeds, the sitemap and emails carry https addresses.
META_SITE_PROTOCOL = env("META_SITE_PROTOCOL", default="https")
