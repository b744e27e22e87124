from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from center.core.wizards import AdminDraftWizard, CreateWithServiceForm

from .models import Person
from .services import person_create


class SpeakerWizardForm(CreateWithServiceForm, TranslatableModelForm):
    create_service = staticmethod(person_create)

    class Meta:
        model = Person
        fields = ["name", "slug", "short_bio"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the name.")


class SpeakerWizard(AdminDraftWizard):
    # Ends in the admin, where the portrait and positions are added next.
    admin_change_url_name = "admin:people_person_change"


speaker_wizard = SpeakerWizard(
    title=_("New speaker"),
    weight=310,
    form=SpeakerWizardForm,
    description=_("Add a person to the speakers; their portrait and positions follow in "
                  "the admin."),
)
