from django import forms
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from .models import CodeVersion, tidy_text
from .services import version_copy_from_in_force


class TidyTextForm(TranslatableModelForm):
    """Texts saved as the reader sees them: "\\r\\n" from the browser and spaces at line ends
    are dropped, so saving a form unchanged changes nothing (see models.tidy_text)."""

    tidy_fields = ()

    def clean(self):
        cleaned_data = super().clean()
        for name in self.tidy_fields:
            if isinstance(cleaned_data.get(name), str):
                cleaned_data[name] = tidy_text(cleaned_data[name])
        return cleaned_data


class CodeVersionAdminForm(TidyTextForm):
    tidy_fields = ("title", "preamble")


class PrincipleAdminForm(TidyTextForm):
    tidy_fields = ("title", "text", "commentary")


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
