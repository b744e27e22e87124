"""The blank application form, as most visitors get it: rendered once per language, content
version and privacy notice, kept in the shared cache, and sent with this visitor's own CSRF
token and start token filled in. Rendering the page (django CMS, the menu, products, the
notice) was most of a form GET; filling in two tokens is next to nothing. The front cache
keeps the same template (page_with_slots), so a later visitor's GET does not reach the
view at all: it fills the tokens in itself (TrialsConfig.ready tells it how)."""

import time

from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from center.core.content_version import content_version
from center.core.front_cache import CSRF_SLOT, page_with_slots
from center.core.page_cache import seconds_until, serves_from_cache

from . import selectors
from .forms import ApplicationForm

TEMPLATE = "trials/application_form.html"
# A stand-in rendered where the start token goes (plain letters: escaping leaves it as it
# is). A page's text containing it word for word is not a thing to expect.
STARTED_SLOT = "trials-form-started-token-slot-3f9a61"


def render_form_page(request, form, notice, *, status=200, started=None, **tokens):
    return render(request, TEMPLATE, {
        "form": form,
        "notice": notice,
        "started": started or form.start_token_for_page(),
        "error_summary": form.error_summary() if form.is_bound else [],
        **tokens,
    }, status=status)


def blank_form_page(request, notice) -> HttpResponse:
    form = ApplicationForm(notice=notice)
    version = content_version() if serves_from_cache(request) else None
    if version is None:  # staff, messages waiting, or the cache is down: render it afresh
        return render_form_page(request, form, notice)
    key = f"trials:form-template:v{version}:{get_language()}:{notice.pk if notice else 0}"
    html, until = cache.get(key) or (None, 0.0)
    if html is None:
        # Until the next notice takes effect, at most the content duration.
        seconds = seconds_until(selectors.next_privacy_notice_from())
        html = render_form_page(request, form, notice, started=STARTED_SLOT,
                                csrf_token=CSRF_SLOT).content.decode()
        until = time.time() + seconds
        cache.set(key, (html, until), seconds)
    # Filling in the CSRF token sets the visitor's cookie, as {% csrf_token %} would.
    return page_with_slots(request, html, seconds=max(1, int(until - time.time())))
