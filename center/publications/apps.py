from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "center.publications"
    label = "publications"
    verbose_name = _("Whitepapers")

    def ready(self):
        from center.core.page_cache import invalidate_on_change

        from . import signals  # noqa: F401  (checks whitepapers again when their file changes)

        invalidate_on_change(*self.get_models())  # cached pages showing them drop on a write
