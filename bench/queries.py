"""SQL queries per public page with every cache off (issue 13 item 3: at most 12 each).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/<db> .venv/bin/python bench/queries.py [-v]

Renders each page once through Django's test client with the dummy cache (the cost of a
cache miss) and prints the number of SQL queries it took; `-v` also lists each page's
queries that ran more than once. The database must hold the demo content (`make demo` /
`manage.py load_demo` with the same DATABASE_URL); `--load-demo` loads it first.
"""

import argparse
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "center.settings.local")
os.environ["CACHE_URL"] = "dummycache://"
os.environ.setdefault("DJANGO_DEBUG", "false")

BUDGET = 12


def public_pages() -> list[str]:
    from center.ethics.selectors import version_in_force
    from center.events.models import Event
    from center.news.selectors import stories_in_language
    from center.people.models import Person
    from center.publications.models import Whitepaper

    event = Event.objects.order_by("start").last()
    story = stories_in_language(language="en").first()
    person = Person.objects.order_by("pk").first()
    paper = Whitepaper.objects.order_by("pk").first()
    code = version_in_force()
    pages = ["/en/", "/zh-hans/", "/en/about-us/", "/zh-hans/about-us/",
             "/en/about-us/ethical-and-responsible-ai/", "/en/news/", "/zh-hans/news/"]
    if story is not None:
        pages += [f"/en/news/{story.slug}/", f"/zh-hans/news/{story.slug}/"]
    pages += ["/en/news/feed/", "/en/events/", "/zh-hans/events/", "/en/events/calendar.ics"]
    if event is not None:
        pages += [f"/en/events/{event.slug}/", f"/zh-hans/events/{event.slug}/",
                  f"/en/events/{event.slug}/event.ics"]
    pages += ["/en/speakers/", "/zh-hans/speakers/"]
    if person is not None:
        pages += [f"/en/speakers/{person.slug}/", f"/zh-hans/speakers/{person.slug}/"]
    pages += ["/en/whitepapers/", "/zh-hans/whitepapers/"]
    if paper is not None:
        pages += [f"/en/whitepapers/{paper.slug}/", f"/zh-hans/whitepapers/{paper.slug}/"]
    pages += ["/en/code-of-ethics/", "/zh-hans/code-of-ethics/"]
    if code is not None:
        pages += [f"/en/code-of-ethics/v/{code.label}/", "/en/code-of-ethics/principles/1/",
                  f"/en/code-of-ethics/changes/?to={code.label}"]
    pages += ["/en/search/?q=ethics", "/zh-hans/search/?q=%E4%BC%A6%E7%90%86",
              "/sitemap.xml", "/en/apply-for-trial/", "/zh-hans/apply-for-trial/",
              "/en/newsletter/", "/zh-hans/newsletter/"]
    return pages


def measure(path: str):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=os.environ.get("SITE_DOMAIN", "127.0.0.1"))
    client.get(path)  # the process's first render of a template or URL pattern is not counted
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, follow=False)
    return response.status_code, [q["sql"] for q in captured.captured_queries]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="list repeated queries")
    parser.add_argument("--load-demo", action="store_true", help="run load_demo first")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]
    if args.load_demo:
        from django.core.management import call_command

        call_command("load_demo")

    over = 0
    print(f"{'page':<66} {'status':>6} {'SQL':>4}")
    for path in public_pages():
        status, queries = measure(path)
        over += len(queries) > BUDGET
        flag = "" if len(queries) <= BUDGET else "  over budget"
        print(f"{path:<66} {status:>6} {len(queries):>4}{flag}")
        if args.verbose:
            for sql, count in Counter(queries).most_common():
                if count > 1:
                    print(f"      {count} x {sql[:220]}")
    print(f"{over} page(s) over the budget of {BUDGET} queries")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
