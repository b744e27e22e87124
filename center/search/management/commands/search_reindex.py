from django.core.management.base import BaseCommand

from center.search.services import search_reindex_all


class Command(BaseCommand):
    help = "Rebuild the site search index from the published content (all kinds, both languages)."

    def handle(self, *args, **options):
        for kind, count in search_reindex_all().items():
            self.stdout.write(f"{kind}: {count} entries")
