from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "center.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from django.apps import apps
        from taggit.models import Tag

        from center.core.page_cache import invalidate_on_change

        from . import signals  # noqa: F401  (connects the hero-rendering signal)

        # Stories, their categories and tags, and our hero renditions: a write drops the
        # cached pages (publishing a story version is seen by center.core.page_cache itself).
        invalidate_on_change(*self.get_models(), *apps.get_app_config("djangocms_stories")
                             .get_models(), Tag)
