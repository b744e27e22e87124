import os

from celery import Celery

# Production unless told otherwise, like center/wsgi.py.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center.settings.production")

app = Celery("center")
# Every CELERY_* Django setting configures the app; tasks live next to their workflow.
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
