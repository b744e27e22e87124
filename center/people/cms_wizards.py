from cms.wizards.wizard_base import Wizard
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from .models import Person
from .services import person_create


class SpeakerWizardForm(TranslatableModelForm):
    class Meta:
        model = Person
        fields = ["name", "slug", "short_bio"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the name.")

    def save(self, commit=True):
        # The wizard sets language_code to the language the editor is working in.
        return person_create(language=self.language_code,
                             **{name: self.cleaned_data[name] for name in self.Meta.fields})


class SpeakerWizard(Wizard):
    def get_success_url(self, obj, **kwargs):
        # The admin, where the portrait and positions are added next.
        language = kwargs.get("language") or translation.get_language()
        with translation.override(language):
            url = reverse("admin:people_person_change", args=[obj.pk])
        return f"{url}?language={language}"


speaker_wizard = SpeakerWizard(
    title=_("New speaker"),
    weight=310,
    form=SpeakerWizardForm,
    description=_("Add a person to the speakers; their portrait and positions follow in "
                  "the admin."),
)
