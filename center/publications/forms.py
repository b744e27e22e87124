from django import forms
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm

from .identifiers import doi_normalise, doi_validate, isbn_normalise, isbn_validate
from .models import Whitepaper
from .services import pdf_file_check


class WhitepaperAdminForm(TranslatableModelForm):
    # Longer than what is stored, so a pasted doi.org link or a hyphenated ISBN reaches the
    # clean_ methods below, which store the bare identifier.
    doi = forms.CharField(label=_("DOI"), required=False, max_length=300,
                          help_text=_("e.g. 10.1000/xyz123; a https://doi.org/ link is fine."))
    isbn = forms.CharField(label=_("ISBN"), required=False, max_length=32,
                           help_text=_("ISBN-10 or ISBN-13; hyphens and spaces are fine."))

    class Meta:
        model = Whitepaper
        fields = "__all__"

    def clean_doi(self):
        doi = doi_normalise(self.cleaned_data.get("doi", ""))
        if doi:
            doi_validate(doi)
        return doi

    def clean_isbn(self):
        isbn = isbn_normalise(self.cleaned_data.get("isbn", ""))
        if isbn:
            isbn_validate(isbn)
        return isbn

    def clean_pdf(self):
        # A refused file leaves the paper as it was: the form is shown again with the error
        # and the PDF already attached stays attached.
        pdf = self.cleaned_data.get("pdf")
        if pdf is not None and "pdf" in self.changed_data:
            pdf_file_check(file=pdf)
        return pdf
