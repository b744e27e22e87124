from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _

from center.core.toolbars import ContentMenuToolbar

from .models import Campaign


@toolbar_pool.register
class NewsletterToolbar(ContentMenuToolbar):
    model = Campaign
    menu_key = "newsletter-menu"
    label = _("Newsletter")
    add_label = _("Add campaign")
    list_label = _("All campaigns")
