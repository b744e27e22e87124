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


def floor(request):
    return HttpResponse(BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("", floor)]
