from django import forms
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from center.core.wizards import AdminDraftWizard, CreateWithServiceForm

from .models import Whitepaper
from .services import whitepaper_create


class WhitepaperWizardForm(CreateWithServiceForm, TranslatableModelForm):
    create_service = staticmethod(whitepaper_create)

    class Meta:
        model = Whitepaper
        fields = ["title", "slug", "subtitle", "publication_date", "abstract"]
        widgets = {"publication_date": forms.DateInput(attrs={"type": "date"},
                                                       format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the title.")


class WhitepaperWizard(AdminDraftWizard):
    # Ends in the admin, not on the page: a new whitepaper is a draft that still needs its PDF,
    # authors and publishing, all of which are done there.
    admin_change_url_name = "admin:publications_whitepaper_change"


whitepaper_wizard = WhitepaperWizard(
    title=_("New whitepaper"),
    weight=320,
    form=WhitepaperWizardForm,
    description=_("Create a draft whitepaper. Its PDF, authors and cover follow in the admin; "
                  "it stays hidden from visitors until it is published."),
)
