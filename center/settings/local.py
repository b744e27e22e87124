"""The embedded default for `make run`: SQLite, eager Celery, emails on the console."""

from .base import *  # noqa: F401,F403
from .base import env

DEBUG = env.bool("DJANGO_DEBUG", default=True)
SERVE_MEDIA = env.bool("DJANGO_SERVE_MEDIA", default=True)
DEMO_MODE = env.bool("DEMO_MODE", default=True)
# A fixed key is fine here: local settings never serve real users.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="local-development-only-not-secret")
