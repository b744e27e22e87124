from cms.app_base import CMSApp
from cms.apphook_pool import apphook_pool
from django.utils.translation import gettext_lazy as _


@apphook_pool.register
class EventsApphook(CMSApp):
    app_name = "events"
    name = _("Events")
    demo_page_reverse_id = "events"  # the demo page this apphook is attached to

    def get_urls(self, page=None, language=None, **kwargs):
        return ["center.events.urls"]
