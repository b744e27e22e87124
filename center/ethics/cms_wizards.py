from django.utils.translation import gettext_lazy as _

from center.core.wizards import AdminDraftWizard

from .forms import VersionCopyForm


class VersionWizardForm(VersionCopyForm):
    def save(self, commit=True):
        # The wizard sets _request; the copy keeps every language of the version in force.
        request = getattr(self, "_request", None)
        return self.save_copy(user=request and request.user)


class VersionWizard(AdminDraftWizard):
    # Ends in the admin, where the draft is reworded and then published.
    admin_change_url_name = "admin:ethics_codeversion_change"


version_wizard = VersionWizard(
    title=_("New Code of Ethics version"),
    weight=320,
    form=VersionWizardForm,
    description=_("Draft a new version of the Code as a copy of the one in force. Visitors "
                  "see it only once it is published."),
)
