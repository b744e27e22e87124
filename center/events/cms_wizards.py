from cms.wizards.wizard_base import Wizard
from django import forms
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from .models import Event
from .services import event_create

# The browser's own date and time picker; Django reads the ISO value it sends.
DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class EventWizardForm(TranslatableModelForm):
    class Meta:
        model = Event
        fields = ["title", "slug", "start", "end", "summary"]
        widgets = {"start": DATETIME_WIDGET, "end": DATETIME_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].required = False
        self.fields["slug"].help_text = _("Leave empty to make one from the title.")

    def save(self, commit=True):
        # The wizard sets language_code (the language the editor works in) and _request.
        request = getattr(self, "_request", None)
        return event_create(language=self.language_code, user=request and request.user,
                            **{name: self.cleaned_data[name] for name in self.Meta.fields})


class EventWizard(Wizard):
    def get_success_url(self, obj, **kwargs):
        # The admin, not the page: a new event is a draft that still needs its venue,
        # agenda and publishing, all of which are done there.
        language = kwargs.get("language") or translation.get_language()
        with translation.override(language):
            url = reverse("admin:events_event_change", args=[obj.pk])
        return f"{url}?language={language}"


event_wizard = EventWizard(
    title=_("New event"),
    weight=300,
    form=EventWizardForm,
    description=_("Create a draft event. It stays hidden from visitors until it is published."),
)
