"""The registrant's own pages, reached by the signed links in their emails: cancel, and
accept a seat offered from the waitlist. A GET shows what will happen; only a POST changes
anything (mail scanners open links)."""

from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import services
from .models import Registration
from .tokens import ACCEPT_SALT, CANCEL_SALT, TokenInvalid, read_token


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
