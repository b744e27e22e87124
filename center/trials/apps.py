from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "center.trials"
    label = "trials"
    verbose_name = _("Apply for Trial")

    def ready(self):
        from center.core.page_cache import invalidate_on_change

        from .models import PrivacyNotice, Product

        # The cached blank form shows the products and the notice. Applications are not
        # content: a submission never drops a cached page.
        invalidate_on_change(Product, Product._parler_meta.root_model, PrivacyNotice,
                             PrivacyNotice._parler_meta.root_model)
