from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "center.core"
    label = "core"
    verbose_name = _("Portal core")

    def ready(self):
        from cms.models import Page, PageUrl
        from django.apps import apps
        from filer.models import File

        from . import cms_reads, page_cache, task_context, text_html
        from .sites import site_sync_after_migrate

        # Cached public pages are dropped when what they show changes: plugins, the Site and
        # anything djangocms-versioning publishes (page_cache itself); a page's addresses and
        # settings, and the media library's files (pictures, PDFs).
        page_cache.connect()
        page_cache.invalidate_on_change(Page, PageUrl, File)

        # A page's plugins and their own rows in one query, not one more per plugin model;
        # a page's addresses read once.
        cms_reads.install()

        # The inline editor's paragraphs in list items are dropped on save (text_html).
        text_html.connect()

        # Request ids travel with the tasks a request publishes; task outcomes are counted.
        task_context.connect()

        # post_migrate is sent once per app that has models (core has none): hang on the
        # sites app's, after it has created the default Site.
        post_migrate.connect(site_sync_after_migrate, sender=apps.get_app_config("sites"),
                             dispatch_uid="core.site_sync_after_migrate")
