from cms.toolbar_base import CMSToolbar
from django.urls import reverse


class ContentMenuToolbar(CMSToolbar):
    """A django CMS toolbar menu "<label> › <add_label> · <list_label>" for one admin model,
    shown only to staff who may add it. Subclasses set the model and the four strings and
    register themselves with toolbar_pool in their app's cms_toolbars.py."""

    model = None
    menu_key = ""
    label = add_label = list_label = ""

    def add_url(self) -> str:
        opts = self.model._meta
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_add")

    def populate(self):
        opts = self.model._meta
        if not self.request.user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
            return
        admin_name = f"admin:{opts.app_label}_{opts.model_name}"
        menu = self.toolbar.get_or_create_menu(self.menu_key, self.label)
        # The add form opens in a modal over the page; the list needs the wider side frame.
        menu.add_modal_item(self.add_label, url=self.add_url())
        menu.add_sideframe_item(self.list_label, url=reverse(f"{admin_name}_changelist"))
