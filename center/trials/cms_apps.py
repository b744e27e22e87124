from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class TrialsApphook(CMSApp):
    app_name = "trials"
    name = _("Apply for Trial")
    demo_page_reverse_id = "apply-for-trial"  # the demo page this apphook is attached to
    # Applicants are the public: the form, thank-you and token-guarded status pages never
    # ask for a login, whatever the page's "login required" says. Without django CMS's
    # cms_perms wrapper a submission also skips a page lookup (two queries' worth of time).
    permissions = False

    def get_urls(self, page=None, language=None, **kwargs):
        return ["center.trials.urls"]
