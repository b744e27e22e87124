from importlib import import_module

from cms.utils.apphook_reload import reload_urlconf
from django.conf import settings
from django.core.management.base import BaseCommand

from center.core.demo.loader import DEMO_PASSWORD, DEMO_USERNAME, load_demo_pages
from center.search.services import search_reindex_all

# Each content app's demo module has an idempotent load_demo_content() returning a summary.
CONTENT_DEMOS = ["center.people.demo", "center.events.demo", "center.news.demo",
                 "center.publications.demo", "center.ethics.demo", "center.trials.demo",
                 "center.newsletter.demo",
                 "center.core.demo.showcase"]  # last: its plugins show the others


class Command(BaseCommand):
    help = "Load the Center's demo pages (English and Chinese). Safe to run repeatedly."

    def handle(self, *args, **options):
        report = load_demo_pages()
        if report.created_pages or report.created_translations:
            self.stdout.write(
                f"Demo content: {len(report.created_pages)} pages, "
                f"{len(report.created_translations)} translations created."
            )
        else:
            self.stdout.write("Demo pages already present: nothing to do.")
        if report.apphooks_attached:
            # Apphooks attached just now: let this process resolve their URLs too.
            reload_urlconf()
        for module in CONTENT_DEMOS:
            self.stdout.write(import_module(module).load_demo_content())
        counts = search_reindex_all()
        self.stdout.write(f"Search index: {sum(counts.values())} entries.")
        if settings.DEMO_MODE:
            self.stdout.write(
                f"Log in at /en/admin/ as {DEMO_USERNAME!r} with password {DEMO_PASSWORD!r} "
                "(demo mode only)."
            )
