from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@toolbar_pool.register
class EventsToolbar(CMSToolbar):
    """"Events › Add event" in the django CMS toolbar for staff who may add events."""

    def populate(self):
        if not self.request.user.has_perm("events.add_event"):
            return
        menu = self.toolbar.get_or_create_menu("events-menu", _("Events"))
        menu.add_modal_item(_("Add event"), url=reverse("admin:events_event_add"))
        menu.add_sideframe_item(_("All events"), url=reverse("admin:events_event_changelist"))
