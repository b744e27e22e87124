from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from center.core.toolbars import ContentMenuToolbar

from .models import Whitepaper


@toolbar_pool.register
class WhitepapersToolbar(ContentMenuToolbar):
    model = Whitepaper
    menu_key = "publications-menu"
    label = _("Whitepapers")
    add_label = _("Add whitepaper")
    list_label = _("All whitepapers")
