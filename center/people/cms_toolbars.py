from cms.toolbar_base import CMSToolbar
from cms.toolbar_pool import toolbar_pool
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


@toolbar_pool.register
class SpeakersToolbar(CMSToolbar):
    """"Speakers › Add speaker" in the django CMS toolbar for staff who may add people."""

    def populate(self):
        if not self.request.user.has_perm("people.add_person"):
            return
        menu = self.toolbar.get_or_create_menu("people-menu", _("Speakers"))
        menu.add_modal_item(_("Add speaker"), url=reverse("admin:people_person_add"))
        menu.add_sideframe_item(_("All speakers"), url=reverse("admin:people_person_changelist"))
