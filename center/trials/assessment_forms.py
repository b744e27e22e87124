"""Forms of the reviewer's assessment page: one rating form per principle of the Code
version the assessment uses, and a condition of use tied to one of its principles."""

from django import forms
from django.utils.translation import gettext_lazy as _

from center.ethics.models import Principle

from .models import Assessment, Risk


class RatingForm(forms.Form):
    # Radios: every level visible at once, chosen with the arrow keys.
    risk = forms.ChoiceField(label=_("Risk"), choices=Risk.choices, required=False,
                             widget=forms.RadioSelect)
    rationale = forms.CharField(label=_("Rationale (internal: never shown to the applicant)"),
                                required=False,
                                widget=forms.Textarea(attrs={"rows": 3, "cols": 70}))


def rating_forms(assessment: Assessment, data=None) -> dict[int, RatingForm]:
    """{principle id: its form}, filled from what is saved (or from `data` when posted)."""
    return {rating.principle_id: RatingForm(
        data, prefix=f"principle-{rating.principle_id}",
        initial={"risk": rating.risk, "rationale": rating.rationale})
        for rating in assessment.ratings.all()}


def posted_ratings(forms_by_principle: dict[int, RatingForm]) -> dict[int, tuple[str, str]]:
    return {principle_id: (form.cleaned_data["risk"], form.cleaned_data["rationale"])
            for principle_id, form in forms_by_principle.items()}


class PrincipleChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return str(obj)  # "3. Reliable and secure", in the staff's language


class ConditionForm(forms.Form):
    principle = PrincipleChoiceField(label=_("Principle it serves"),
                                     queryset=Principle.objects.none(), empty_label=None)
    text = forms.CharField(label=_("Condition of use"), max_length=300,
                           help_text=_("Told to the applicant in the decision letter: write it "
                                       "in their language."),
                           widget=forms.TextInput(attrs={"size": 70}))

    def __init__(self, *args, assessment: Assessment, **kwargs):
        super().__init__(*args, prefix="condition", **kwargs)
        # Only the principles of the version this assessment was made against.
        self.fields["principle"].queryset = (
            assessment.code_version.principles.order_by("order", "number")
            .prefetch_related("translations"))

    def clean_text(self):
        text = " ".join(self.cleaned_data["text"].split())
        if not text:
            raise forms.ValidationError(_("Write the condition."))
        return text
