from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicationsConfig(AppConfig):
    name = "center.publications"
    label = "publications"
    verbose_name = _("Whitepapers")

    def ready(self):
        from . import signals  # noqa: F401  (checks whitepapers again when their file changes)
