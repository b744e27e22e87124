"""Prints, as JSON, the SQL queries one anonymous request for each address on argv costs,
after one request to warm what that configuration caches. Run with the settings under test
(DJANGO_SETTINGS_MODULE): the cached portal's or uncached_settings'. Django's test client goes
through the same middleware and URLconf as gunicorn; CaptureQueriesContext counts every query
on the default connection."""

import json
import os
import sys

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

host = os.environ["SITE_DOMAIN"]
counts = {}
for path in sys.argv[1:]:
    client = Client(HTTP_HOST=host)
    client.get(path)
    with CaptureQueriesContext(connection) as queries:
        status = Client(HTTP_HOST=host).get(path).status_code
    counts[path] = len(queries) if status == 200 else f"status {status}"
print(json.dumps(counts))
