from cms.wizards.wizard_base import Wizard
from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from .models import Whitepaper
from .services import whitepaper_create


class WhitepaperWizardForm(TranslatableModelForm):
    class Meta:
        model = Whitepaper
        fields = ["title", "slug", "subtitle", "publication_date", "abstract"]
        widgets = {"publication_date": forms.DateInput(attrs={"type": "date"},
                                                       format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the title.")

    def save(self, commit=True):
        # The wizard sets language_code (the language the editor works in) and _request.
        request = getattr(self, "_request", None)
        return whitepaper_create(language=self.language_code, user=request and request.user,
                                 **{name: self.cleaned_data[name] for name in self.Meta.fields})


class WhitepaperWizard(Wizard):
    def get_success_url(self, obj, **kwargs):
        # The admin, not the page: a new whitepaper is a draft that still needs its PDF,
        # authors and publishing, all of which are done there.
        language = kwargs.get("language") or translation.get_language()
        with translation.override(language):
            url = reverse("admin:publications_whitepaper_change", args=[obj.pk])
        return f"{url}?language={language}"


whitepaper_wizard = WhitepaperWizard(
    title=_("New whitepaper"),
    weight=320,
    form=WhitepaperWizardForm,
    description=_("Create a draft whitepaper. Its PDF, authors and cover follow in the admin; "
                  "it stays hidden from visitors until it is published."),
)
