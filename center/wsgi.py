import os

from django.core.wsgi import get_wsgi_application

# Production unless told otherwise: a server started without settings must not run with
# debug pages and a published key. `make run` and manage.py choose the local settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center.settings.production")

application = get_wsgi_application()
