from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from center.core.toolbars import ContentMenuToolbar

from .models import CodeVersion


@toolbar_pool.register
class EthicsToolbar(ContentMenuToolbar):
    model = CodeVersion
    menu_key = "ethics-menu"
    label = _("Code of Ethics")
    add_label = _("Draft a new version")
    list_label = _("All versions")

    def add_url(self) -> str:
        # A new version starts as a copy of the one in force, never as a blank page.
        return reverse("admin:ethics_codeversion_copy")
