"""The blank form comes from the shared cache (center/trials/form_page.py) and, once stored,
from the front cache without reaching Django's views or the database, yet every visitor gets
tokens of their own, and a change to what the form offers shows at the next request."""

import gzip
import re
import time

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from center.trials.models import TrialApplication
from center.trials.tokens import form_start

from .conftest import APPLY
from .factories import PrivacyNoticeFactory, form_data

pytestmark = pytest.mark.usefixtures("trial_page", "offer")



def _tokens(response) -> tuple[str, str]:
    html = response.content.decode()
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    started = re.search(r'name="started" value="([^"]+)"', html).group(1)
    return csrf, started


def test_each_visitor_gets_their_own_tokens_from_the_cached_page():
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(APPLY)
    with CaptureQueriesContext(connection) as queries:
        second_page = second.get(APPLY)

    assert len(queries) == 0  # filled in by the front cache
    assert first_page.content != second_page.content  # tokens differ, the rest is the same
    (csrf_a, started_a), (csrf_b, started_b) = _tokens(first_page), _tokens(second_page)
    assert csrf_a != csrf_b and started_a != started_b
    assert "csrftoken" in second_page.cookies
    assert time.time() - form_start(started_b).shown_at < 5  # shown now, not when cached
    assert second_page["Cache-Control"].startswith("max-age=0")  # never cached downstream


def test_a_visitor_keeps_the_csrf_cookie_they_have_and_gzip_is_per_sending():
    Client().get(APPLY)  # stored
    visitor = Client(enforce_csrf_checks=True)
    first = visitor.get(APPLY)
    secret = first.cookies["csrftoken"].value
    again = visitor.get(APPLY, HTTP_ACCEPT_ENCODING="gzip")
    again = visitor.get(APPLY, HTTP_ACCEPT_ENCODING="gzip")  # the gzip sending, stored too

    # Sent again to renew its expiry (as Django does), with the secret they have.
    assert again.cookies["csrftoken"].value == secret
    assert again["Content-Encoding"] == "gzip"
    html = gzip.decompress(again.content).decode()
    assert 'name="csrfmiddlewaretoken"' in html and "slot" not in html
    assert "Cookie" in again["Vary"] and again["Cache-Control"].startswith("max-age=0")


def test_a_form_from_the_cached_page_is_accepted(settings):
    settings.TRIALS_MIN_FILL_SECONDS = 0
    visitor = Client(enforce_csrf_checks=True)
    Client().get(APPLY)  # another visitor's request filled the cache
    csrf, started = _tokens(visitor.get(APPLY))
    csrf, started = _tokens(visitor.get(APPLY))  # a reload, from the front cache

    response = visitor.post(APPLY, form_data(csrfmiddlewaretoken=csrf, started=started))

    assert response.status_code == 302 and "/thanks/" in response["Location"]
    assert TrialApplication.objects.count() == 1


def test_a_renamed_product_and_a_new_notice_show_at_the_next_request(offer):
    client = Client()
    assert "AI healthcare" in client.get(APPLY).content.decode()
    assert "AI医疗" in client.get("/zh-hans/apply-for-trial/").content.decode()

    product = offer["products"][0]
    product.set_current_language("en")
    product.name = "AI diagnostics"
    product.save()
    product.set_current_language("zh-hans")
    product.name = "AI诊断"
    product.save()
    PrivacyNoticeFactory(version="2026-12")

    english = client.get(APPLY).content.decode()
    assert "AI diagnostics" in english and "AI healthcare" not in english
    assert "version 2026-12" in english
    assert "AI诊断" in client.get("/zh-hans/apply-for-trial/").content.decode()


def test_staff_get_a_fresh_page_and_visitors_never_get_theirs(staff_user):
    staff = Client()
    staff.force_login(staff_user)
    staff_html = staff.get(APPLY + "?toolbar_on").content.decode()
    assert "cms-toolbar" in staff_html

    visitor_html = Client().get(APPLY).content.decode()
    assert "cms-toolbar" not in visitor_html and "editor" not in visitor_html


def test_applicants_are_never_asked_to_log_in(settings):
    # The apphook skips django CMS's cms_perms (TrialsApphook.permissions = False): a
    # "login required" ticked on the page by mistake must not lock the public out.
    from cms.models import Page

    settings.TRIALS_MIN_FILL_SECONDS = 0
    Page.objects.filter(reverse_id="apply-for-trial").update(login_required=True)
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(APPLY)
    assert page.status_code == 200
    csrf, started = _tokens(page)
    response = visitor.post(APPLY, form_data(csrfmiddlewaretoken=csrf, started=started))
    assert response.status_code == 302 and "/thanks/" in response["Location"]
