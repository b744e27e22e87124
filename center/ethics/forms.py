from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CodeVersion
from .services import version_copy_from_in_force


class VersionCopyForm(forms.ModelForm):
    """A new draft as a copy of the version in force; only its label is asked for."""

    class Meta:
        model = CodeVersion
        fields = ["label"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["label"].required = False
        self.fields["label"].help_text = _(
            "Leave empty for the next number after the version in force.")

    def clean(self):
        if not CodeVersion.objects.in_force().exists():
            raise forms.ValidationError(_(
                "No version is in force yet, so there is nothing to copy: write the first "
                "version in the admin (Code of Ethics › All versions › Add)."))
        return super().clean()

    def save_copy(self, *, user) -> CodeVersion:
        return version_copy_from_in_force(user=user, label=self.cleaned_data["label"])
