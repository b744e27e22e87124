from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class PeopleApphook(CMSApp):
    name = _("Speakers")
    demo_page_reverse_id = "speakers"  # the demo page this apphook is attached to
    app_name = "people"

    def get_urls(self, page=None, language=None, **kwargs):
        return ["center.people.urls"]
