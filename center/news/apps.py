from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "center.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from . import signals  # noqa: F401  (connects the hero-rendering signal)
