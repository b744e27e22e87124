from contextlib import suppress

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MinLengthValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import PrivacyNotice, TrialApplication
from .selectors import offered_products
from .tokens import (
    FormStart,
    TokenExpired,
    TokenInvalid,
    form_start,
    form_start_claim,
    started_token,
)

# Never an accusation: a person with autofill can be quick, and only sees their form again.
CHECK_AGAIN = _("Please check your answers and submit again.")
EXPIRED = _("This form has expired. Please check your answers and submit again.")

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
        # Checking the choices needs no names: the translations are read only to show them.
        queryset = self.queryset
        self.queryset = queryset.prefetch_related(None)
        try:
            return super()._check_values(value)
        finally:
            self.queryset = queryset


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
    # Anti-abuse: a field people never see (bots fill it) and the signed, single-use token
    # of the time the form was shown (views.started_for_page puts it in the page).
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    # The order the page shows them in (application_form.html), which the error summary and
    # the cleaning follow.
    field_order = ["name", "email", "job_title", "phone", "organisation", "country", "sector",
                   "products", "intended_use", "expected_scale", "consent"]

    def __init__(self, *args, notice: PrivacyNotice | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.start: FormStart | None = None
        # Querysets are rebuilt per form: "in force" depends on the time of the request.
        self.fields["products"].queryset = offered_products()
        self.fields["privacy_notice"].queryset = PrivacyNotice.objects.in_force()
        if notice is not None and not self.is_bound:
            self.initial.setdefault("privacy_notice", notice.version)
        self.fields["privacy_notice"].error_messages["invalid_choice"] = _(
            "The privacy notice has changed since this page was opened. Please read it again "
            "and submit.")
        for name, field in self.fields.items():
            # HTML allows autocomplete on typed-in fields only, not on checkboxes, radios or
            # hidden inputs.
            if _typed_in(field.widget):
                field.widget.attrs.setdefault("autocomplete", AUTOCOMPLETE.get(name, "off"))

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        # Only a form that would be accepted is timed: a form with errors goes back to the
        # person anyway, and its messages are about their answers alone.
        if not self.errors:
            self._check_started()
        return cleaned

    def _check_started(self) -> None:
        try:
            start = form_start(self.cleaned_data.get("started") or "")
        except TokenExpired:
            self.add_error("started", forms.ValidationError(EXPIRED, code="expired"))
            return
        except TokenInvalid:
            self.add_error("started", forms.ValidationError(CHECK_AGAIN, code="invalid"))
            return
        self.start = start
        if start.elapsed < settings.TRIALS_MIN_FILL_SECONDS:
            self.add_error("started", forms.ValidationError(CHECK_AGAIN, code="too_fast"))

    def claim_start(self) -> bool:
        """For a valid form: marks its start token used. A token sent again (a replay, a
        second click) gets the expired-form message instead."""
        if form_start_claim(self.start):
            return True
        self.add_error(None, forms.ValidationError(EXPIRED, code="used"))
        return False

    def start_token_for_page(self) -> str:
        """A new token for the page (a sent one may have been used), keeping the time the
        form was first shown while that is still valid: fixing a field never means waiting,
        and a bot that posts again at once is still too quick."""
        shown_at = None
        if self.is_bound:
            with suppress(TokenInvalid, TokenExpired):
                shown_at = (self.start or form_start(self.data.get("started") or "")).shown_at
        return started_token(shown_at)

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


TYPED = {"text", "email", "tel", "url", "search", "number", "password", "select"}


def _typed_in(widget) -> bool:
    return isinstance(widget, forms.Textarea) or getattr(widget, "input_type", None) in TYPED


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
