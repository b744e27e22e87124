from cms.signals.apphook import DISPATCH_UID, trigger_restart
from cms.utils.apphook_reload import reload_urlconf
from django.conf import settings
from django.core.management.base import BaseCommand
from django.core.signals import request_finished

from center.core.demo.users import DEMO_PASSWORD, DEMO_USERNAME
from center.search.services import search_reindex_all
from center.site.demo import showcase
from center.site.demo.contents import app_demo_modules
from center.site.demo.loader import load_demo_pages


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
            # The loader has told every process already (mark_urlconf_as_changed); django CMS's
            # own note, left by a translation of an apphook's page, would only have them all
            # reload once more at the end of this process's next request.
            request_finished.disconnect(trigger_restart, dispatch_uid=DISPATCH_UID)
        for module in app_demo_modules():
            self.stdout.write(module.load_demo_content())
        self.stdout.write(showcase.load_demo_content())  # last: its plugins show the others
        counts = search_reindex_all()
        self.stdout.write(f"Search index: {sum(counts.values())} entries.")
        if settings.DEMO_MODE:
            self.stdout.write(
                f"Log in at /en/admin/ as {DEMO_USERNAME!r} with password {DEMO_PASSWORD!r} "
                "(demo mode only)."
            )
