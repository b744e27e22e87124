from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class TrialsApphook(CMSApp):
    app_name = "trials"
    name = _("Apply for Trial")
    demo_page_reverse_id = "apply-for-trial"  # the demo page this apphook is attached to

    def get_urls(self, page=None, language=None, **kwargs):
        return ["center.trials.urls"]
