"""django CMS "Create" wizards for content kept in the admin: the form calls the app's
create service in the editor's language, and the wizard then opens the new draft in the
admin, where the rest (pictures, agenda, publishing) is done."""

from cms.wizards.wizard_base import Wizard
from django.urls import reverse
from django.utils import translation


class CreateWithServiceForm:
    """Mixin for a wizard ModelForm: `create_service(language=, user=, **fields)`."""

    create_service = None

    def save(self, commit=True):
        # The wizard sets language_code (the language the editor works in) and _request.
        request = getattr(self, "_request", None)
        return type(self).create_service(
            language=self.language_code, user=request and request.user,
            **{name: self.cleaned_data[name] for name in self.Meta.fields})


class AdminDraftWizard(Wizard):
    """Ends on the new object's admin page, in the language it was written in. Subclass it
    per app and set admin_change_url_name there: django CMS derives a wizard's id from its
    class, so two wizards of one class would clash."""

    admin_change_url_name = ""  # e.g. "admin:events_event_change"

    def get_success_url(self, obj, **kwargs):
        language = kwargs.get("language") or translation.get_language()
        with translation.override(language):
            url = reverse(self.admin_change_url_name, args=[obj.pk])
        return f"{url}?language={language}"
