from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_safe

from center.core.http import no_store
from center.core.requests import client_ip

from . import ratelimit, selectors, services
from .content import html_sanitize
from .forms import PreferencesForm, SignupForm
from .models import Language, Topic
from .services import ConfirmOutcome
from .tokens import TokenInvalid, consent_id_from_token

MAX_EMAIL = 254
# Every page here is personal or carries a CSRF token: each response is no_store.


def _client(request) -> dict:
    return {"ip": client_ip(request),
            "user_agent": request.META.get("HTTP_USER_AGENT", "")}


def _source_from_referer(request) -> str:
    referer = request.META.get("HTTP_REFERER", "")
    host = f"//{request.get_host()}"
    if host in referer:
        return referer.split(host, 1)[1][:500] or "/"
    return request.path


def _language_or_current(value: str) -> str:
    return value if value in Language.values else get_language()


def _signup_page(request, form, *, status=200, prefilled=False):
    return no_store(render(request, "newsletter/signup.html", {
        "form": form, "privacy_version": settings.NEWSLETTER_PRIVACY_VERSION,
        "prefilled": prefilled}, status=status))


def _blank_form(request, *, email: str = "") -> SignupForm:
    return SignupForm(initial={
        "email": email if len(email) <= MAX_EMAIL else "",
        "language": _language_or_current(get_language()),
        "topics": Topic.values,
        "source": _source_from_referer(request),
    })


# The footer of every (cached, token-free) page POSTs only the address and this marker, so
# the address never lands in a URL; such a POST only fills in the real form.
FOOTER_MARKER = "from_footer"


@csrf_exempt  # the footer's POST carries no token; the real sign-up is checked below
@require_http_methods(["GET", "HEAD", "POST"])
def signup(request):
    if request.method == "POST" and FOOTER_MARKER in request.POST:
        # Stores nothing and sends nothing: the visitor still chooses and consents.
        return _signup_page(request, _blank_form(request, email=request.POST.get("email", "")),
                            prefilled=True)
    if request.method == "POST":
        return csrf_protect(_signup_post)(request)
    return _signup_page(request, _blank_form(request))


def _signup_post(request):
    if not ratelimit.signup_allowed(ip=client_ip(request)):
        return no_store(render(request, "newsletter/rate_limited.html", status=429))
    form = SignupForm(request.POST)
    if not form.is_valid():
        return _signup_page(request, form, status=400)
    data = form.cleaned_data
    if not data["website"]:  # a filled honeypot gets the same reply, and nothing is stored
        services.subscriber_subscribe(
            email=data["email"], language=data["language"], topics=data["topics"],
            source=data["source"] or request.path, **_client(request))
    # The same reply whatever the address's state, so the form reveals no subscriber.
    return redirect("newsletter:thanks")


@require_safe
def thanks(request):
    return render(request, "newsletter/thanks.html")


@require_safe
def confirm(request, token):
    try:
        outcome = services.subscriber_confirm(consent_id=consent_id_from_token(token))
    except TokenInvalid:
        return no_store(render(request, "newsletter/confirm_invalid.html", status=400))
    status = 200 if outcome in {ConfirmOutcome.CONFIRMED, ConfirmOutcome.ALREADY_CONFIRMED} \
        else 400
    return no_store(render(request, "newsletter/confirmed.html",
                           {"outcome": outcome.value}, status=status))


def _subscriber_or_404(token):
    subscriber = selectors.subscriber_by_token(token)
    if subscriber is None:
        raise Http404("No subscriber with this link")
    return subscriber


@csrf_exempt  # RFC 8058: mail providers POST without cookies or a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    subscriber = _subscriber_or_404(token)
    if request.method == "POST":
        services.subscriber_unsubscribe(subscriber=subscriber, source=request.path,
                                        **_client(request))
        subscriber.refresh_from_db()
    # A GET only shows the button: link scanners follow links, and must unsubscribe no one.
    return no_store(render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber}))


@require_http_methods(["GET", "HEAD", "POST"])
def preferences(request, token):
    subscriber = _subscriber_or_404(token)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            subscriber = services.subscriber_update_preferences(
                subscriber=subscriber, language=form.cleaned_data["language"],
                topics=form.cleaned_data["topics"], source=request.path, **_client(request))
            saved = True
    else:
        form = PreferencesForm(initial={"language": subscriber.language,
                                        "topics": subscriber.topics})
    status = 400 if form.is_bound and not form.is_valid() else 200
    return no_store(render(request, "newsletter/preferences.html", {
        "form": form, "subscriber": subscriber, "saved": saved}, status=status))


@require_safe
def campaign_web(request, public_id):
    campaign = selectors.published_campaign(public_id)
    if campaign is None:
        raise Http404("No such campaign")
    return render(request, "newsletter/campaign_web.html", {
        "campaign": campaign,
        "body": mark_safe(html_sanitize(str(campaign.body_html))),  # sanitised here
    })
