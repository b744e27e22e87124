from cms.wizards.wizard_base import Wizard
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .forms import VersionCopyForm


class VersionWizardForm(VersionCopyForm):
    def save(self, commit=True):
        # The wizard sets _request; the copy keeps every language of the version in force.
        request = getattr(self, "_request", None)
        return self.save_copy(user=request and request.user)


class VersionWizard(Wizard):
    def get_success_url(self, obj, **kwargs):
        # The admin, where the draft is reworded and then published.
        language = kwargs.get("language") or translation.get_language()
        with translation.override(language):
            url = reverse("admin:ethics_codeversion_change", args=[obj.pk])
        return f"{url}?language={language}"


version_wizard = VersionWizard(
    title=_("New Code of Ethics version"),
    weight=320,
    form=VersionWizardForm,
    description=_("Draft a new version of the Code as a copy of the one in force. Visitors "
                  "see it only once it is published."),
)
