from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "center.people"
    label = "people"
    verbose_name = _("Speakers and authors")

    def ready(self):
        from center.core.page_cache import invalidate_on_change

        invalidate_on_change(*self.get_models())  # cached pages showing them drop on a write
