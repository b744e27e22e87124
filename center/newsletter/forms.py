from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .content import html_sanitize
from .models import Campaign, Language, Topic


class TopicsField(forms.MultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Topics"))
        super().__init__(choices=Topic.choices, **kwargs)


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Preferred language"), choices=Language.choices,
                                 widget=forms.RadioSelect)
    topics = TopicsField(error_messages={"required": _("Choose at least one topic.")})


class SignupForm(PreferencesForm):
    email = forms.EmailField(label=_("Email address"), max_length=254,
                             error_messages={"invalid": _("Enter an email address such as "
                                                          "name@example.org.")})
    consent = forms.BooleanField(
        label=_("I agree to receive the newsletter as described in the privacy notice."),
        error_messages={"required": _("Please tick the box to agree to the privacy notice; "
                                      "we cannot send the newsletter without it.")})
    # A honeypot: hidden from people (and from screen readers), filled in by bots.
    website = forms.CharField(required=False, label=_("Leave this field empty"))
    source = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    field_order = ["email", "language", "topics", "consent", "website", "source"]

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_source(self):
        # Only a path on this site is kept; anything else is not evidence of where consent
        # was given.
        source = self.cleaned_data.get("source", "")
        return source if source.startswith("/") and not source.startswith("//") else ""


class CampaignAdminForm(forms.ModelForm):
    topics = TopicsField(required=False,
                         help_text=_("Sent to subscribers of any of these topics; none means "
                                     "every subscriber in the language."))

    class Meta:
        model = Campaign
        fields = ["subject", "preheader", "language", "topics", "body_html"]

    def clean_body_html(self):
        return html_sanitize(self.cleaned_data.get("body_html", ""))


class ScheduleForm(forms.Form):
    scheduled_at = forms.DateTimeField(
        label=_("Send at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))

    def clean_scheduled_at(self):
        value = self.cleaned_data["scheduled_at"]
        if value <= timezone.now():
            raise forms.ValidationError(_("Choose a time in the future."))
        return value
