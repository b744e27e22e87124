from django import forms
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from center.core.wizards import AdminDraftWizard, CreateWithServiceForm

from .models import Event
from .services import event_create

# The browser's own date and time picker; Django reads the ISO value it sends.
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventWizardForm(CreateWithServiceForm, TranslatableModelForm):
    create_service = staticmethod(event_create)

    class Meta:
        model = Event
        fields = ["title", "slug", "start", "end", "summary"]
        widgets = {"start": DATETIME_WIDGET, "end": DATETIME_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the title.")


class EventWizard(AdminDraftWizard):
    # Ends in the admin, not on the page: a new event is a draft that still needs its venue,
    # agenda and publishing, all of which are done there.
    admin_change_url_name = "admin:events_event_change"


event_wizard = EventWizard(
    title=_("New event"),
    weight=300,
    form=EventWizardForm,
    description=_("Create a draft event. It stays hidden from visitors until it is published."),
)
