from django import forms
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from .models import Person
from .orcid import orcid_normalise, orcid_validate


class PersonAdminForm(TranslatableModelForm):
    # Longer than the stored iD so a pasted https://orcid.org/… address reaches clean_orcid.
    orcid = forms.CharField(
        label=_("ORCID iD"), required=False, max_length=64,
        help_text=_("Format 0000-0002-1825-0097; a pasted https://orcid.org/ address is fine."),
    )

    class Meta:
        model = Person
        fields = "__all__"

    def clean_orcid(self):
        orcid = orcid_normalise(self.cleaned_data.get("orcid", ""))
        if orcid:
            orcid_validate(orcid)
        return orcid
