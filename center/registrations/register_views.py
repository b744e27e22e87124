"""Registering for an event, for visitors: the form page (never cached: it carries a CSRF
token and is about one visitor), the result page after a redirect (POST → redirect → GET),
and seats.json for the event page.

Seats on the event page: the page is a cached public page (up to the content duration) and a
registration must not bump the site-wide content version (every page would miss). So the
page shows the count at render time, and a few lines of static JS (no inline script: CSP)
replace it with seats.json, which is public with max-age=5: the front cache and browsers
answer it for 5 s and the page polls it every 6 s, so an open page lags the truth by about
11 s at most, at a cost of one COUNT query per event every 5 s at most. Booking itself
always counts under the lock."""

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from menus.utils import set_language_changer

from center.core.ratelimit import attempts_made, count_attempt
from center.core.requests import client_ip
from center.events import selectors as event_selectors

from . import selectors, services
from .forms import RegistrationForm
from .models import Registration, RegistrationSetup
from .seats import seats_text

WINDOW_SECONDS = 3600
RESULT_SALT = "registrations.result"
RESULT_MAX_AGE = 3600
SEATS_MAX_AGE = 5  # seconds the seat count may lag on the event page


def _event_and_setup(slug: str):
    event = event_selectors.event_for_visitor(slug=slug, can_preview=False)
    setup = selectors.setup_for_event(event.pk) if event else None
    if setup is None:
        raise Http404("No registration for this event")
    setup.event = event
    return event, setup


def _language_changer(name: str, slug: str, query: str = ""):
    def url_in(language=None):
        with translation.override(language or get_language()):
            return reverse(name, kwargs={"slug": slug}) + query
    return url_in


def _page(request, event, setup, form, *, status=200, **extra):
    set_language_changer(request, _language_changer("registrations:register", event.slug))
    return render(request, "registrations/register.html", {
        "event": event, "setup": setup, "form": form,
        "started": form.start_token_for_page() if form else "",
        "error_summary": form.error_summary() if form is not None and form.is_bound else [],
        "seats_left": selectors.seats_left(setup), **extra}, status=status)


def _too_many(request, event, message: str):
    response = render(request, "registrations/rate_limited.html",
                      {"event": event, "message": message}, status=429)
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


def _over(scope: str, ident: str, limit: int) -> bool:
    """Counts one attempt; True once over `limit` this hour."""
    return count_attempt(scope=f"registrations:{scope}", ident=ident,
                         window_seconds=WINDOW_SECONDS) > limit


# Wrong invitation codes: 5 an hour from one address, 30 an hour for one event from all
# addresses together. Staff codes are long and random (10+ characters of 30+ symbols, over
# 10^14 values), so 30 guesses an hour would need millions of years to find one. The limit is
# checked before the code is tried: past it, even the right code gets the same refusal, so a
# guesser learns nothing (an invited guest is told to wait an hour).
def _codes_blocked(ip: str, event_id: int) -> bool:
    return (attempts_made(scope="registrations:code-ip", ident=ip,
                          window_seconds=WINDOW_SECONDS)
            >= settings.REGISTRATIONS_WRONG_CODES_PER_IP
            or attempts_made(scope="registrations:code-event", ident=str(event_id),
                             window_seconds=WINDOW_SECONDS)
            >= settings.REGISTRATIONS_WRONG_CODES_PER_EVENT)


def _count_wrong_code(ip: str, event_id: int) -> None:
    count_attempt(scope="registrations:code-ip", ident=ip, window_seconds=WINDOW_SECONDS)
    count_attempt(scope="registrations:code-event", ident=str(event_id),
                  window_seconds=WINDOW_SECONDS)


TOO_MANY_REGISTRATIONS = gettext_lazy(
    "We have received many registrations from your network or email address in the last "
    "hour, so this one was not sent. Please try again in an hour.")
TOO_MANY_CODES = gettext_lazy(
    "Too many wrong invitation codes were tried for this event. Please try again in an "
    "hour, or write to the person who invited you.")


def _submit(request, event, setup):
    ip = client_ip(request)
    if _over("ip", ip, settings.REGISTRATIONS_RATE_LIMIT_PER_IP):
        return _too_many(request, event, str(TOO_MANY_REGISTRATIONS))
    form = RegistrationForm(request.POST, setup=setup)
    if form.is_bot:  # refused quietly: no row, no email, nothing to learn
        return render(request, "registrations/refused.html", {"event": event}, status=400)
    if not form.is_valid():
        return _page(request, event, setup, form)
    data = form.cleaned_data
    inviting = setup.mode == RegistrationSetup.Mode.INVITATION and setup.is_accepting()
    if inviting and _codes_blocked(ip, event.pk):
        return _too_many(request, event, str(TOO_MANY_CODES))
    if _over("email", data["email"].lower(), settings.REGISTRATIONS_RATE_LIMIT_PER_EMAIL):
        return _too_many(request, event, str(TOO_MANY_REGISTRATIONS))
    try:
        registration, created = services.registration_create(
            event_id=event.pk, name=data["name"], email=data["email"], language=get_language(),
            affiliation=data.get("affiliation", ""), access_needs=data.get("access_needs", ""),
            invitation_code=data.get("invitation_code", ""))
    except services.RegistrationRefused as reason:
        if inviting:
            _count_wrong_code(ip, event.pk)
            form.add_error("invitation_code", str(reason))
            return _page(request, event, setup, form)
        return _page(request, event, setup, None, refused=str(reason))
    token = signing.dumps([registration.pk, created], salt=RESULT_SALT)
    url = reverse("registrations:registered", kwargs={"slug": event.slug}) + "?ref=" + token
    return HttpResponseRedirect(url)


@never_cache
def register(request, slug):
    event, setup = _event_and_setup(slug)
    if request.method == "POST":
        return _submit(request, event, setup)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    if not setup.is_accepting():
        return _page(request, event, setup, None,
                     refused=_("Registration for this event is closed."))
    return _page(request, event, setup, RegistrationForm(setup=setup))


@never_cache
def registered(request, slug):
    event, setup = _event_and_setup(slug)
    try:
        pk, created = signing.loads(request.GET.get("ref", ""), salt=RESULT_SALT,
                                    max_age=RESULT_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return HttpResponseRedirect(reverse("registrations:register", kwargs={"slug": slug}))
    registration = Registration.objects.filter(pk=pk, event=event).first()
    if registration is None:
        raise Http404("No such registration")
    query = "?ref=" + request.GET["ref"]
    set_language_changer(request, _language_changer("registrations:registered", slug, query))
    waitlisted = registration.status == Registration.Status.WAITLISTED
    return render(request, "registrations/registered.html", {
        "event": event, "registration": registration, "created": created,
        "position": selectors.waitlist_position(registration) if waitlisted else None})


def seats(request, slug):
    """{"seats_left", "accepting", "text"} for the event page's script; public, 5 s."""
    event = event_selectors.event_for_visitor(slug=slug, can_preview=False)
    shown = selectors.setup_for_event_page(event.pk) if event else None
    if shown is None:
        raise Http404("No registration for this event")
    response = JsonResponse({"seats_left": shown["seats_left"], "accepting": shown["accepting"],
                             "text": seats_text(shown["seats_left"], shown["accepting"])})
    response["Cache-Control"] = f"public, max-age={SEATS_MAX_AGE}"
    return response
