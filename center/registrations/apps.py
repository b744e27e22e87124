from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "center.registrations"
    label = "registrations"
    verbose_name = _("Event registration")

    def ready(self):
        from . import signals  # noqa: F401  (connects the post_save hook)
