from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from menus.utils import set_language_changer

from center.core.http import no_referrer
from center.core.requests import client_ip

from . import letters, selectors, services
from .form_page import blank_form_page, render_form_page
from .forms import ApplicationForm, ReplyForm
from .models import TransitionError, TrialApplication
from .ratelimit import rate_limit_allows
from .tokens import (
    TokenExpired,
    TokenInvalid,
    application_for_status_token,
    application_for_thanks_token,
    form_start_filed,
    status_token,
    thanks_token,
    thanks_token_for_used_start,
)


def _too_many(request):
    response = render(request, "trials/rate_limited.html", status=429)
    response["Retry-After"] = "3600"
    return response


def _submit(request, notice):
    if not rate_limit_allows(scope="ip", ident=client_ip(request),
                          limit=settings.TRIALS_RATE_LIMIT_PER_IP):
        return _too_many(request)
    form = ApplicationForm(request.POST, notice=notice)
    if form.is_bot:
        return render(request, "trials/application_refused.html", status=400)
    if not form.is_valid():
        return render_form_page(request, form, notice)
    if not form.claim_start():
        # A second click on Submit: the first one's thank-you page, not "form expired".
        filed = thanks_token_for_used_start(form.start, form.cleaned_data["email"])
        if filed:
            return HttpResponseRedirect(_thanks_url(filed))
        return render_form_page(request, form, notice)
    data = form.cleaned_data
    if not rate_limit_allows(scope="email", ident=data["email"].lower(),
                          limit=settings.TRIALS_RATE_LIMIT_PER_EMAIL):
        return _too_many(request)
    application, _created = services.application_submit(
        name=data["name"], email=data["email"], organisation=data["organisation"],
        job_title=data["job_title"], country=data["country"], sector=data["sector"],
        products=data["products"], intended_use=data["intended_use"],
        expected_scale=data["expected_scale"], phone=data["phone"],
        privacy_notice=data["privacy_notice"], language=get_language(),
        ip=client_ip(request), user_agent=request.META.get("HTTP_USER_AGENT", ""),
    )
    form_start_filed(form.start, application)
    # POST → redirect → GET: reloading the thank-you page never submits again.
    return HttpResponseRedirect(_thanks_url(thanks_token(application)))


def _thanks_url(token: str) -> str:
    return reverse("trials:thanks") + "?ref=" + token


@never_cache
def application_form(request):
    if request.method == "POST":
        # Read only if the form is shown again: an accepted form names its notice itself.
        return _submit(request, SimpleLazyObject(selectors.current_privacy_notice))
    notice = selectors.current_privacy_notice()
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return blank_form_page(request, notice)


@never_cache
def application_thanks(request):
    try:
        application = application_for_thanks_token(request.GET.get("ref", ""))
    except (TokenInvalid, TokenExpired):
        application = None  # a bookmarked or shared thank-you page still says thank you
    return no_referrer(render(request, "trials/application_thanks.html", {
        "application": application,
        "status_token": status_token(application) if application else "",
    }))


def _status_language_changer(token: str):
    def url_in(language=None):
        with translation.override(language or get_language()):
            return reverse("trials:status", kwargs={"token": token})
    return url_in


def _answer(request, application, token):
    if not rate_limit_allows(scope="ip", ident=client_ip(request),
                          limit=settings.TRIALS_RATE_LIMIT_PER_IP):
        return _too_many(request), None
    form = ReplyForm(request.POST)
    if application.state != TrialApplication.State.MORE_INFO:
        return None, None  # answered already (another tab): just show the page again
    if not form.is_valid():
        return None, form
    try:
        services.application_answer(application=application, reply=form.cleaned_data["reply"])
    except TransitionError:
        return None, None
    url = reverse("trials:status", kwargs={"token": token}) + "?answered=1"
    return HttpResponseRedirect(url), None


@never_cache
def application_status(request, token):
    try:
        application = application_for_status_token(token)
    except TokenExpired:
        return no_referrer(render(request, "trials/status_invalid.html", {"expired": True},
                               status=410))
    except TokenInvalid:
        return no_referrer(render(request, "trials/status_invalid.html", {"expired": False},
                               status=404))
    form = None
    if request.method == "POST":
        response, form = _answer(request, application, token)
        if response is not None:
            return no_referrer(response)
    elif request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    set_language_changer(request, _status_language_changer(token))
    needs_answer = application.state == TrialApplication.State.MORE_INFO
    timeline = list(selectors.public_timeline(application))
    return no_referrer(render(request, "trials/application_status.html", {
        "application": application,
        "timeline": timeline,
        # The reviewers' question, repeated beside the answer box.
        "question": timeline[-1] if needs_answer and timeline else None,
        "products": selectors.product_names(application, get_language()),
        "form": (form or ReplyForm()) if needs_answer else None,
        "answered": request.GET.get("answered") == "1",
        # Told once decided, as the decision letter tells it: never while under review.
        "letter": (letters.decision_letter(application, get_language(),
                                           absolute_links=False)
                   if application.is_decided else None),
    }, status=200))
