"""Check-in at the door: a printable list per event, and a phone page to search a name (or
open a scanned QR code, views.checkin_code) and check someone in. Two staff at once: the
service's conditional UPDATE lets one win; the other is told who did it and when."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods

from . import selectors, services
from .models import Registration, RegistrationSetup


def checkin_urls(model_admin):
    def wrap(view):
        return model_admin.admin_site.admin_view(partial(view, model_admin=model_admin))

    return [
        path("<int:object_id>/checkin-list/", wrap(checkin_list_view),
             name="registrations_registrationsetup_checkin_list"),
        path("<int:object_id>/checkin/", wrap(checkin_view),
             name="registrations_registrationsetup_checkin"),
    ]


def _setup_for(request, object_id) -> RegistrationSetup:
    if not selectors.can_manage_registrations(request.user):
        raise PermissionDenied
    return get_object_or_404(RegistrationSetup.objects.select_related("event"), pk=object_id)


def _context(model_admin, request, setup, title):
    return {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta,
            "setup": setup, "event": setup.event, "title": title}


def checkin_list_view(request, object_id, model_admin):
    setup = _setup_for(request, object_id)
    return TemplateResponse(request, "registrations/admin/checkin_list.html", {
        **_context(model_admin, request, setup, _("Check-in list")),
        "registrations": selectors.checkin_list(setup.event_id)})


def _checked_in_parts(registration: Registration) -> dict[str, str]:
    return {"time": timezone.localtime(registration.checked_in_at).strftime("%H:%M"),
            "staff": registration.checked_in_by.get_username() if registration.checked_in_by
            else "–"}


def checked_in_text(registration: Registration) -> str:
    """“checked in 14:02 by emma”, in the event's local time."""
    return gettext("checked in %(time)s by %(staff)s") % _checked_in_parts(registration)


def check_in_from_post(request, registration: Registration) -> None:
    """Checks in (or undoes, for a mistake) and tells the staff member what happened."""
    if request.POST.get("undo"):
        services.registration_check_in_undo(registration=registration)
        messages.info(request, gettext("%(name)s is no longer checked in.") % {
            "name": registration.name})
    elif services.registration_check_in(registration=registration, staff=request.user):
        messages.success(request, gettext("%(name)s is checked in.") % {
            "name": registration.name})
    elif registration.checked_in_at:
        messages.warning(request, gettext(
            "%(name)s was already checked in by %(staff)s at %(time)s.") % {
            "name": registration.name, **_checked_in_parts(registration)})
    else:
        messages.error(request, gettext("%(name)s has no confirmed seat (%(status)s).") % {
            "name": registration.name, "status": registration.get_status_display()})


@require_http_methods(["GET", "POST"])
def checkin_view(request, object_id, model_admin):
    setup = _setup_for(request, object_id)
    query = request.GET.get("q", "")[:200]
    if request.method == "POST":
        query = request.POST.get("q", "")[:200]  # back to the staff member's search
        registration_id = request.POST.get("registration", "")
        registration = None
        if registration_id.isdigit():
            registration = Registration.objects.filter(pk=registration_id,
                                                       event_id=setup.event_id).first()
        if registration is None:
            messages.error(request, gettext("This registration is not for this event."))
        else:
            check_in_from_post(request, registration)
            query = query or registration.name
        url = reverse("admin:registrations_registrationsetup_checkin", args=[setup.pk])
        return HttpResponseRedirect(f"{url}?{urlencode({'q': query})}" if query else url)
    results = [(r, checked_in_text(r) if r.checked_in_at else "")
               for r in selectors.checkin_search(setup.event_id, query)]
    return TemplateResponse(request, "registrations/admin/checkin.html", {
        **_context(model_admin, request, setup, _("Check-in")),
        "query": query, "results": results, "searched": bool(query.strip()),
        "counts": selectors.checkin_counts(setup.event_id)})
