from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "center.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self):
        from center.core.page_cache import invalidate_on_change

        invalidate_on_change(*self.get_models())  # cached pages showing them drop on a write
