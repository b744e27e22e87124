from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from center.core.toolbars import ContentMenuToolbar

from .models import Event


@toolbar_pool.register
class EventsToolbar(ContentMenuToolbar):
    model = Event
    menu_key = "events-menu"
    label = _("Events")
    add_label = _("Add event")
    list_label = _("All events")
