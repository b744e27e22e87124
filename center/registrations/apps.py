from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "center.registrations"
    label = "registrations"
    verbose_name = _("Event registration")

    def ready(self):
        from center.core.page_cache import invalidate_on_change

        from .models import RegistrationSetup

        # The event page shows the setup (open, closed, deadline). Registrations themselves
        # do not invalidate: the seat count comes from seats.json (register_views.py).
        invalidate_on_change(RegistrationSetup)

        from . import signals  # noqa: F401  (connects the post_save hook)
