"""The registration form of one event: only the questions its setup asks, consent to the
privacy notice, and the trial form's defences (a honeypot field, a minimum fill time)."""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from .models import RegistrationSetup

STARTED_SALT = "registrations.form-started"
# Never an accusation: a person with autofill can be quick, and only sees their form again.
CHECK_AGAIN = _("Please check your answers and submit again.")
EXPIRED = _("This form has expired. Please check your answers and submit again.")


def started_token(shown_at: float | None = None) -> str:
    return signing.dumps(shown_at if shown_at is not None else time.time(), salt=STARTED_SALT)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=200,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(
        label=_("Email"), max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text=_("We send your confirmation and a link to cancel here."))
    affiliation = forms.CharField(
        label=_("Affiliation (optional)"), max_length=200, required=False,
        widget=forms.TextInput(attrs={"autocomplete": "organization"}))
    access_needs = forms.CharField(
        label=_("Access needs (optional)"), max_length=2000, required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off"}),
        help_text=_("For example step-free access, a hearing loop or dietary needs."))
    invitation_code = forms.CharField(
        label=_("Invitation code"), max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        help_text=_("As given in your invitation."))
    consent = forms.BooleanField(
        label=_("I agree that the Center keeps these details to manage my registration, as "
                "the privacy notice explains."),
        error_messages={"required": _("Please agree to the privacy notice to register.")})
    # Anti-abuse: a field people never see (bots fill it), and when the form was shown.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, setup: RegistrationSetup, **kwargs):
        super().__init__(*args, **kwargs)
        if not setup.ask_affiliation:
            del self.fields["affiliation"]
        if not setup.ask_access_needs:
            del self.fields["access_needs"]
        if setup.mode != RegistrationSetup.Mode.INVITATION:
            del self.fields["invitation_code"]

    @property
    def is_bot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean(self):
        cleaned = super().clean()
        if not self.errors:  # only a form that would be accepted is timed
            self._check_started()
        return cleaned

    def _shown_at(self) -> float | None:
        try:
            return float(signing.loads(self.data.get("started") or "", salt=STARTED_SALT,
                                       max_age=settings.REGISTRATIONS_FORM_MAX_AGE_SECONDS))
        except signing.SignatureExpired:
            raise forms.ValidationError(EXPIRED, code="expired") from None
        except (signing.BadSignature, TypeError, ValueError):
            return None

    def _check_started(self) -> None:
        try:
            shown_at = self._shown_at()
        except forms.ValidationError as error:
            self.add_error("started", error)
            return
        if shown_at is None or time.time() - shown_at < settings.REGISTRATIONS_MIN_FILL_SECONDS:
            self.add_error("started", forms.ValidationError(CHECK_AGAIN, code="too_fast"))

    def start_token_for_page(self) -> str:
        """Keeps the time the form was first shown: fixing a field never means waiting."""
        try:
            shown_at = self._shown_at() if self.is_bound else None
        except forms.ValidationError:
            shown_at = None
        return started_token(shown_at)

    def error_summary(self) -> list[tuple[str, str, str]]:
        """(field id or "", label, message) for the summary at the top of the form."""
        items = []
        for name, errors in self.errors.items():
            if name in (forms.forms.NON_FIELD_ERRORS, "started", "website"):
                items += [("", "", str(error)) for error in errors]
                continue
            field = self[name]
            items += [(field.auto_id, str(field.label), str(error)) for error in errors]
        return items
