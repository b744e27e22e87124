from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from center.core.toolbars import ContentMenuToolbar

from .models import Person


@toolbar_pool.register
class SpeakersToolbar(ContentMenuToolbar):
    model = Person
    menu_key = "people-menu"
    label = _("Speakers")
    add_label = _("Add speaker")
    list_label = _("All speakers")
