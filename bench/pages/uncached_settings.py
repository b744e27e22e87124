"""Production settings with every cache off (what `CACHE_URL=dummycache://` means; production
itself refuses a cache its processes do not share): the portal's cold path, as a cache miss
or a signed-in editor gets it."""

from center.settings.production import *  # noqa: F401,F403

CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
