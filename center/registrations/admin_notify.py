"""Staff tell every registrant that the event changed or is cancelled: a small admin page
on a RegistrationSetup, wired in by ModelAdmin.get_urls (notify_urls). The form carries a
notification id minted when it is shown, so posting it twice emails nobody twice."""

import uuid

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Notice, Registration, RegistrationSetup


class NotifyForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What happened"), widget=forms.RadioSelect,
        choices=[(Notice.Kind.EVENT_CHANGED, _("The event changed (time, place or programme)")),
                 (Notice.Kind.EVENT_CANCELLED,
                  _("The event is cancelled (registration closes too)"))])
    message = forms.CharField(
        label=_("Message to every registrant"), widget=forms.Textarea(attrs={"rows": 8}),
        max_length=4000,
        help_text=_("Plain text, sent as written, in addition to the event's date and place."))
    notification_id = forms.UUIDField(widget=forms.HiddenInput)


def notify_urls(model_admin) -> list:
    def view(request, object_id):
        return notify_view(model_admin, request, object_id)
    return [path("<int:object_id>/notify/", model_admin.admin_site.admin_view(view),
                 name="registrations_registrationsetup_notify")]


def notify_view(model_admin, request, object_id):
    setup = get_object_or_404(RegistrationSetup.objects.select_related("event"), pk=object_id)
    if not model_admin.has_change_permission(request, setup):
        raise PermissionDenied
    if request.method == "POST":
        form = NotifyForm(request.POST)
        if form.is_valid():
            sent = services.event_notify_registrants(
                event_id=setup.event_id, kind=form.cleaned_data["kind"],
                message=form.cleaned_data["message"],
                notification_id=str(form.cleaned_data["notification_id"]))
            if sent:
                model_admin.log_change(request, setup, f"Emailed {sent} registrants: "
                                                       f"{form.cleaned_data['kind']}")
                model_admin.message_user(request, gettext(
                    "The message is being emailed to %(count)d registrants.") % {"count": sent},
                    messages.SUCCESS)
            else:
                model_admin.message_user(request, gettext(
                    "Nobody new to email: this message was already sent."), messages.WARNING)
            return redirect(reverse("admin:registrations_registrationsetup_change",
                                    args=[setup.pk]))
    else:
        form = NotifyForm(initial={"notification_id": uuid.uuid4(),
                                   "kind": Notice.Kind.EVENT_CHANGED})
    reach = Registration.objects.filter(event_id=setup.event_id,
                                        status__in=Registration.ACTIVE,
                                        anonymised_at__isnull=True).count()
    return TemplateResponse(request, "registrations/admin/notify.html", {
        **model_admin.admin_site.each_context(request), "opts": RegistrationSetup._meta,
        "setup": setup, "form": form, "reach": reach,
        "title": gettext("Email every registrant")})
