"""The blank application form, as most visitors get it: rendered once per language, content
version and privacy notice, kept in the shared cache, and sent with this visitor's own CSRF
token and start token filled in. Rendering the page (django CMS, the menu, products, the
notice) was most of a form GET; filling in two tokens is next to nothing."""

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.translation import get_language

from center.core.content_version import content_version
from center.core.page_cache import content_duration, serves_from_cache

from .forms import ApplicationForm
from .tokens import started_token

TEMPLATE = "trials/application_form.html"
# Stand-ins rendered where the per-visitor tokens go (plain letters: escaping leaves them
# as they are). A page's text containing them word for word is not a thing to expect.
CSRF_SLOT = "trials-form-csrf-token-slot-3f9a61"
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
    key = f"trials:form-page:v{version}:{get_language()}:{notice.pk if notice else 0}"
    html = cache.get(key)
    if html is None:
        html = render_form_page(request, form, notice, started=STARTED_SLOT,
                                csrf_token=CSRF_SLOT).content.decode()
        cache.set(key, html, content_duration())
    # get_token also sets the CSRF cookie on this response, as {% csrf_token %} would.
    return HttpResponse(html.replace(CSRF_SLOT, get_token(request))
                        .replace(STARTED_SLOT, started_token()))
