"""The registrant's own pages, reached by the signed links in their emails: cancel, and
accept a seat offered from the waitlist. A GET shows what will happen; only a POST changes
anything (mail scanners open links)."""

from django.contrib import admin
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services
from .admin_checkin import check_in_from_post, checked_in_text
from .models import Registration, RegistrationSetup
from .selectors import can_manage_registrations
from .tokens import ACCEPT_SALT, CANCEL_SALT, CHECKIN_SALT, TokenInvalid, read_token


def _invalid(request):
    return render(request, "registrations/link_invalid.html", status=404)


@never_cache
@require_http_methods(["GET", "POST"])
def cancel(request, token):
    try:
        registration = read_token(token, CANCEL_SALT)
    except TokenInvalid:
        return _invalid(request)
    if request.method == "POST" and registration.status in Registration.ACTIVE:
        services.registration_cancel(registration=registration)
        return redirect(request.path)
    return render(request, "registrations/cancel.html", {"registration": registration,
                                                          "event": registration.event})


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request, token):
    try:
        registration = read_token(token, ACCEPT_SALT)
    except TokenInvalid:
        return _invalid(request)
    refused = ""
    if request.method == "POST":
        try:
            services.offer_accept(registration=registration)
            return redirect(request.path)
        except services.RegistrationRefused as reason:
            refused = str(reason)
    return render(request, "registrations/accept.html", {
        "registration": registration, "event": registration.event, "refused": refused},
        status=409 if refused else 200)


@never_cache
@require_http_methods(["GET", "POST"])
def checkin_code(request, token):
    """The QR code on the confirmation email. Scanned by an Event manager's phone: the
    registrant and a Check in button. Anyone else (the registrant, a passer-by who found the
    code): only the event's name and what to do, no personal data."""
    try:
        registration = read_token(token, CHECKIN_SALT)
    except TokenInvalid:
        return _invalid(request)
    if not can_manage_registrations(request.user):
        if request.method == "POST":
            return redirect(request.path)
        return render(request, "registrations/checkin_code.html", {"event": registration.event})
    if request.method == "POST":
        check_in_from_post(request, registration)
        return redirect(request.path)
    setup = RegistrationSetup.objects.filter(event_id=registration.event_id).first()
    return TemplateResponse(request, "registrations/admin/checkin_code.html", {
        **admin.site.each_context(request), "opts": RegistrationSetup._meta, "setup": setup,
        "event": registration.event, "registration": registration,
        "checked_in": checked_in_text(registration) if registration.checked_in_at else "",
        "title": _("Check-in")})
