"""Staff pages for event registration: the setup per event, the attendee list (filters,
search, CSV), the printable check-in list and the phone check-in page (admin_checkin.py).
Registrants' personal data: Event managers and superusers only."""

import csv
import secrets

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from center.core.spreadsheet import spreadsheet_cell

from . import selectors, services
from .admin_checkin import checkin_urls
from .admin_notify import notify_urls
from .models import Registration, RegistrationSetup

# No 0/O, 1/I/L: read aloud or typed from a printed invitation without mistakes.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12  # 31^12 ≈ 10^18 codes: enumeration is hopeless
CSV_COLUMNS = ["id", "event", "status", "name", "email", "affiliation", "access_needs",
               "language", "registered", "confirmed", "checked_in", "checked_in_by"]


def invitation_code_new() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class EventManagersOnlyMixin:
    """Whatever else a staff member may have been granted, the group decides."""

    def has_module_permission(self, request):
        return (selectors.can_manage_registrations(request.user)
                and super().has_module_permission(request))

    def has_view_permission(self, request, obj=None):
        return (selectors.can_manage_registrations(request.user)
                and super().has_view_permission(request, obj))

    def has_change_permission(self, request, obj=None):
        return (selectors.can_manage_registrations(request.user)
                and super().has_change_permission(request, obj))

    def has_add_permission(self, request, obj=None):
        return (selectors.can_manage_registrations(request.user)
                and super().has_add_permission(request))

    def has_delete_permission(self, request, obj=None):
        return False  # a registration is cancelled, never removed by hand


class RegistrationSetupForm(forms.ModelForm):
    new_invitation_code = forms.BooleanField(
        label=_("Generate a new invitation code"), required=False,
        help_text=_("Replaces the code: a code shared earlier stops working."))

    class Meta:
        model = RegistrationSetup
        fields = "__all__"
        help_texts = {"invitation_code": _(
            "Needed when registration is by invitation. Tick “Generate a new invitation code” "
            "for a long random one; a short or guessable code is refused.")}

    def clean(self):
        data = super().clean()
        if data.get("new_invitation_code"):
            data["invitation_code"] = invitation_code_new()
        code = data.get("invitation_code", "")
        if data.get("mode") == RegistrationSetup.Mode.INVITATION and not code:
            data["invitation_code"] = invitation_code_new()
        elif code and len(code) < CODE_LENGTH:
            self.add_error("invitation_code", gettext(
                "An invitation code needs at least %(length)d characters, or it could be "
                "guessed.") % {"length": CODE_LENGTH})
        return data

    def save(self, commit=True):
        self.instance.invitation_code = self.cleaned_data.get("invitation_code", "")
        return super().save(commit)


@admin.register(RegistrationSetup)
class RegistrationSetupAdmin(EventManagersOnlyMixin, admin.ModelAdmin):
    form = RegistrationSetupForm
    list_display = ["event", "mode", "capacity", "deadline"]
    list_filter = ["mode"]
    search_fields = ["event__translations__title"]
    fieldsets = [
        (None, {"fields": ["event", "mode", "capacity", "deadline", "offer_hours"]}),
        (_("Invitation"), {"fields": ["invitation_code", "new_invitation_code"]}),
        (_("Questions"), {"fields": ["ask_affiliation", "ask_access_needs"]}),
        (_("Registrants"), {"fields": ["registrant_counts", "staff_links"]}),
    ]
    readonly_fields = ["registrant_counts", "staff_links"]

    def get_urls(self):
        return [*checkin_urls(self), *notify_urls(self), *super().get_urls()]

    @admin.display(description=_("counts"))
    def registrant_counts(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        counts = selectors.checkin_counts(obj.event_id)
        return gettext("%(confirmed)d confirmed, %(waitlisted)d on the waitlist, %(offered)d "
                       "offered a seat, %(checked_in)d checked in") % counts

    @admin.display(description=_("pages"))
    def staff_links(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        attendees = (reverse("admin:registrations_registration_changelist")
                     + f"?event__id__exact={obj.event_id}")
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a> · <a href="{}">{}</a>',
            attendees, gettext("Attendee list"),
            reverse("admin:registrations_registrationsetup_checkin_list", args=[obj.pk]),
            gettext("Printable check-in list"),
            reverse("admin:registrations_registrationsetup_checkin", args=[obj.pk]),
            gettext("Check-in page (phone)"),
            reverse("admin:registrations_registrationsetup_notify", args=[obj.pk]),
            gettext("Email every registrant (change or cancellation)"))


class CheckedInFilter(admin.SimpleListFilter):
    title = _("checked in")
    parameter_name = "checked_in"

    def lookups(self, request, model_admin):
        return [("yes", _("Yes")), ("no", _("No"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(checked_in_at__isnull=False)
        if self.value() == "no":
            return queryset.filter(checked_in_at__isnull=True)
        return queryset


@admin.register(Registration)
class RegistrationAdmin(EventManagersOnlyMixin, admin.ModelAdmin):
    # Few, short columns: the list fits a 1280 px screen without scrolling sideways.
    list_display = ["name", "affiliation", "event_short", "status", "checked_in_at"]
    list_filter = [("event", admin.RelatedOnlyFieldListFilter), "status", CheckedInFilter]
    search_fields = ["name", "email", "affiliation"]
    list_select_related = ["event", "checked_in_by"]
    list_per_page = 100
    actions = ["export_csv", "cancel_registrations"]
    fields = ["event", "status", "name", "email", "affiliation", "access_needs", "language",
              "consented_at", "created_at", "confirmed_at", "offered_at", "offer_expires_at",
              "cancelled_at", "reminder_sent_at", "checked_in_at", "checked_in_by",
              "anonymised_at"]
    readonly_fields = fields  # personal data as given; changes go through the services

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("event__translations")

    def has_add_permission(self, request, obj=None):
        return False  # registrations come from the public form

    @admin.display(description=_("event"), ordering="event__start")
    def event_short(self, obj):
        # A long title would push the status out of a 1280 px screen; the filter names it whole.
        return Truncator(str(obj.event)).chars(32)

    @admin.action(description=_("Export the selected registrations as CSV"),
                  permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="registrations.csv"'
        response.write("\ufeff")  # spreadsheets then read the UTF-8 (Chinese) correctly
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for r in queryset.select_related("checked_in_by").order_by("event", "pk"):
            writer.writerow([spreadsheet_cell(value) for value in (
                r.pk, r.event, r.status, r.name, r.email, r.affiliation, r.access_needs,
                r.language, r.created_at.isoformat(),
                r.confirmed_at.isoformat() if r.confirmed_at else "",
                r.checked_in_at.isoformat() if r.checked_in_at else "",
                r.checked_in_by.get_username() if r.checked_in_by else "")])
        return response

    @admin.action(description=_("Cancel the selected registrations"), permissions=["change"])
    def cancel_registrations(self, request, queryset):
        count = sum(1 for registration in queryset
                    if services.registration_cancel(registration=registration))
        self.message_user(request, ngettext(
            "%(count)d registration cancelled; a freed seat goes to the waitlist.",
            "%(count)d registrations cancelled; freed seats go to the waitlist.",
            count) % {"count": count}, messages.SUCCESS)
