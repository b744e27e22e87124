from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from center.core.toolbars import ContentMenuToolbar

from .models import Product
from .selectors import can_review


@toolbar_pool.register
class TrialsToolbar(ContentMenuToolbar):
    """"Trials › Add product · All products", plus the applications for reviewers."""

    model = Product
    menu_key = "trials-menu"
    label = _("Trials")
    add_label = _("Add product")
    list_label = _("All products")

    def populate(self):
        super().populate()
        if not can_review(self.request.user):
            return
        menu = self.toolbar.get_or_create_menu(self.menu_key, self.label)
        menu.add_sideframe_item(_("Trial applications"),
                                url=reverse("admin:trials_trialapplication_changelist"))
