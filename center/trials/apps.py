from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TrialsConfig(AppConfig):
    name = "center.trials"
    label = "trials"
    verbose_name = _("Apply for Trial")

    def ready(self):
        from center.core.front_cache import fill_per_visitor
        from center.core.page_cache import invalidate_on_change

        from .form_page import STARTED_SLOT
        from .models import PrivacyNotice, Product, TransparencyReport
        from .tokens import started_token

        # The blank form stored by the front cache gets each visitor's own start token.
        fill_per_visitor(STARTED_SLOT, lambda request: started_token())

        # The cached blank form shows the products and the notice. Applications are not
        # content: a submission never drops a cached page.
        invalidate_on_change(Product, Product._parler_meta.root_model, PrivacyNotice,
                             PrivacyNotice._parler_meta.root_model)
        # Publishing or withdrawing a year's report shows or hides its plugin at once.
        invalidate_on_change(TransparencyReport)
