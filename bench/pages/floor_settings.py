"""The floor: a bare Django view returning FLOOR_BYTES bytes (the home page's size), with
nothing else — no database, middleware, templates or sessions. Served by the same gunicorn
configuration as the portal, it is the fastest any Django page can be on this machine."""

import os

from django.http import HttpResponse
from django.urls import path

SECRET_KEY = "bench-floor-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = __name__
MIDDLEWARE = []
INSTALLED_APPS = []
DATABASES = {}
USE_TZ = True
BODY = b"x" * int(os.environ.get("FLOOR_BYTES", "16384"))


def floor(request, size=None):
    """FLOOR_BYTES bytes at /, or `size` bytes at /<size>: the same bytes as a given page."""
    return HttpResponse(BODY if size is None else BODY[:size],
                        content_type="text/html; charset=utf-8")


urlpatterns = [path("", floor), path("<int:size>", floor)]
