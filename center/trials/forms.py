from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinLengthValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import PrivacyNotice, TrialApplication
from .selectors import offered_products
from .tokens import TokenExpired, TokenInvalid, seconds_since_started, started_token

INTENDED_USE_MIN, INTENDED_USE_MAX = 50, 5000
REPLY_MIN, REPLY_MAX = 10, 5000


class ProductChoiceField(forms.ModelMultipleChoiceField):
    # Larger than any primary key: SQLite refuses such numbers (OverflowError, a 500), so
    # they are turned away as invalid choices before the database sees them.
    MAX_PK = 2**63 - 1

    def label_from_instance(self, obj):
        return str(obj)

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip()
            if text.lstrip("-").isdigit() and abs(int(text)) > self.MAX_PK:
                raise ValidationError(self.error_messages["invalid_pk_value"],
                                      code="invalid_pk_value", params={"pk": pk})
        return super()._check_values(value)


class ApplicationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Work email"), max_length=254,
                             help_text=_("We send the confirmation and your status link here."))
    organisation = forms.CharField(label=_("Organisation"), max_length=200)
    job_title = forms.CharField(label=_("Job title"), max_length=200)
    country = forms.CharField(label=_("Country or region"), max_length=100)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", _("Choose a sector"))]
                               + TrialApplication.Sector.choices)
    products = ProductChoiceField(
        label=_("Products of interest"), queryset=offered_products(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one product.")},
    )
    intended_use = forms.CharField(
        label=_("How will you use them?"), widget=forms.Textarea(attrs={"rows": 8}),
        validators=[MinLengthValidator(INTENDED_USE_MIN), MaxLengthValidator(INTENDED_USE_MAX)],
        help_text=_("50 to 5,000 characters: the purpose, who will be affected, and how "
                    "they will be protected."),
    )
    expected_scale = forms.ChoiceField(
        label=_("Expected scale"), widget=forms.RadioSelect,
        choices=TrialApplication.Scale.choices,
        help_text=_("How many people the trial will reach."),
    )
    phone = forms.CharField(
        label=_("Phone (optional)"), max_length=40, required=False,
        validators=[RegexValidator(r"^\+?[0-9 ()\-.]{5,40}$",
                                   _("Enter a phone number using digits, spaces, +, ( ) or -."))],
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that the Center processes these "
                "data to assess my application."),
        error_messages={"required": _("Please agree to the privacy notice to apply.")},
    )
    privacy_notice = forms.ModelChoiceField(queryset=PrivacyNotice.objects.none(),
                                            to_field_name="version", widget=forms.HiddenInput)
    # Anti-abuse: a field people never see (bots fill it) and the time the form was shown.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, notice: PrivacyNotice | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Querysets are rebuilt per form: "in force" depends on the time of the request.
        self.fields["products"].queryset = offered_products()
        self.fields["privacy_notice"].queryset = PrivacyNotice.objects.in_force()
        if notice is not None:
            self.initial.setdefault("privacy_notice", notice.version)
        self.initial["started"] = started_token()
        self.fields["privacy_notice"].error_messages["invalid_choice"] = _(
            "The privacy notice has changed since this page was opened. Please read it again "
            "and submit.")
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("autocomplete", AUTOCOMPLETE.get(name, "off"))

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_started(self):
        try:
            elapsed = seconds_since_started(self.cleaned_data.get("started") or "")
        except TokenExpired:
            raise forms.ValidationError(
                _("This form was opened too long ago. Please check your answers and submit "
                  "again."), code="expired") from None
        except TokenInvalid:
            raise forms.ValidationError(
                _("Please check your answers and submit again."), code="invalid") from None
        if elapsed < settings.TRIALS_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was quicker than a person can fill in this form. Please check your "
                  "answers and submit again."), code="too_fast")
        return self.cleaned_data["started"]

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id or "", label, message) for the summary at the top of the form."""
        items = []
        for name, errors in self.errors.items():
            if name in (forms.forms.NON_FIELD_ERRORS, "started", "privacy_notice", "website"):
                items += [("", "", str(e)) for e in errors]
                continue
            field = self[name]
            target = field.auto_id if not isinstance(field.field.widget, (
                forms.CheckboxSelectMultiple, forms.RadioSelect)) else f"{field.auto_id}_0"
            items += [(target, str(field.label), str(e)) for e in errors]
        return items


AUTOCOMPLETE = {"name": "name", "email": "email", "organisation": "organization",
                "job_title": "organization-title", "country": "country-name", "phone": "tel"}


class ReplyForm(forms.Form):
    reply = forms.CharField(
        label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 6}),
        validators=[MinLengthValidator(REPLY_MIN), MaxLengthValidator(REPLY_MAX)],
        help_text=_("Reviewers see your answer together with your application."),
    )


class TransitionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the applicant"), widget=forms.Textarea(attrs={"rows": 8}),
        required=False, max_length=5000,
        help_text=_("Emailed to the applicant and shown on their status page."))
    internal_note = forms.CharField(
        label=_("Internal note"), widget=forms.Textarea(attrs={"rows": 4}), required=False,
        max_length=5000, help_text=_("Only reviewers see this."))

    def __init__(self, *args, message_required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["message"].required = message_required
        if not message_required:
            del self.fields["message"]  # starting a review tells the applicant nothing
