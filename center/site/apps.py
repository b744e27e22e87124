from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SiteConfig(AppConfig):
    """The top of the import map: the only app that may know every other one (the demo
    and the home page's showcase). Lower layers learn about higher ones by discovery."""

    name = "center.site"
    label = "site"
    verbose_name = _("Site")

    def ready(self):
        from center.core.metrics import register_backlog

        from .metrics import BacklogCollector

        register_backlog(BacklogCollector())
