"""Every page a visitor can reach carries the strict Content-Security-Policy and the
Permissions-Policy: each address of the sitemap, both forms (shown and refused), the token
pages (good and forged links), the 404 and the 500 page. Staff get the editor's looser policy
on the same address, and only staff."""

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import path

from center.trials.links import status_path
from center.urls import urlpatterns as site_urlpatterns
from tests.trials.factories import application_create, form_data


def _boom(request):
    raise RuntimeError("a bug in a view")


# This module is also the URLconf of the 500 test: the site's addresses plus one that fails.
urlpatterns = [path("boom/", _boom), *site_urlpatterns]


def policy(response, header="Content-Security-Policy") -> dict[str, list[str]]:
    value = response.get(header)
    assert value, f"{response.request['PATH_INFO']} ({response.status_code}) has no {header}"
    directives = {}
    for part in value.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} twice in {value}"
        directives[name] = sources
    return directives


def assert_strict(response):
    where = f"{response.request['PATH_INFO']} ({response.status_code})"
    csp = policy(response)
    assert csp["default-src"] == ["'self'"], where
    assert csp["script-src"] == ["'self'"], where  # no inline code, no eval, no nonce
    assert csp["style-src"] == ["'self'"], where
    assert csp["object-src"] == ["'none'"], where
    for directive in ("base-uri", "form-action", "frame-ancestors"):
        assert csp[directive] == ["'self'"], (where, directive)
    assert not any("unsafe" in source for sources in csp.values() for source in sources), where
    features = dict(item.strip().split("=") for item in response["Permissions-Policy"].split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()", (where, feature)
    assert response["X-Content-Type-Options"] == "nosniff", where
    assert response["Referrer-Policy"] in ("strict-origin-when-cross-origin", "no-referrer"), where
    assert response["X-Frame-Options"] == "SAMEORIGIN", where
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", where
    if response["Content-Type"].startswith("text/html"):
        assert response["Cross-Origin-Resource-Policy"] == "same-origin", where
        assert inline_code(response.content.decode()) == [], where


class InlineCode(HTMLParser):
    """What the strict policy would block in a page: inline scripts (JSON data blocks are
    never run, so they pass), event-handler attributes, javascript: links and inline styles."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") not in (
                "application/ld+json", "application/json"):
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style> element")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.found.append(f"{name}= on <{tag}>")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                    "javascript:"):
                self.found.append(f"javascript: {name} on <{tag}>")


def inline_code(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


@pytest.fixture
def site(db, client):
    call_command("load_demo", verbosity=0)  # pages, people, events, news, whitepapers, Code
    client.get("/en/")  # the CMS loads the apphooks' URLs (newsletter, trials) on this request
    return client


def _sitemap_paths(client) -> list[str]:
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert_strict(sitemap)
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap.content.decode())
    return sorted({urlparse(location).path for location in locations})


def test_the_inline_code_check_finds_what_the_strict_policy_blocks():
    html = ('<script type="application/ld+json">{}</script><script src="/s.js"></script>'
            '<script>alert(1)</script><p style="color:red" onclick="x()">'
            '<a href=" JavaScript:x()">a</a><style>p{}</style>')
    assert inline_code(html) == ["inline <script>", "style= on <p>", "onclick= on <p>",
                                 "javascript: href on <a>", "<style> element"]


def test_every_sitemap_address_carries_the_strict_policy(site):
    paths = _sitemap_paths(site)
    assert any(p.startswith("/zh-hans/") for p in paths)
    for detail in ("events", "speakers", "news", "code-of-ethics"):  # pages with JSON-LD
        assert any(re.fullmatch(rf"/en/{detail}/.+/", p) for p in paths), detail
    for page in paths:
        for _visit in ("rendered", "from the page cache"):
            response = site.get(page)
            assert response.status_code == 200, (page, response.status_code)
            assert_strict(response)


def test_the_forms_and_their_refusals_carry_the_strict_policy(site):
    for page in ("/en/apply-for-trial/", "/zh-hans/apply-for-trial/", "/en/newsletter/",
                 "/zh-hans/newsletter/", "/en/search/?q=ethics", "/en/admin/login/",
                 "/robots.txt", "/en/news/feed/"):
        response = site.get(page, follow=True)
        assert response.status_code == 200, page
        assert_strict(response)

    refused = site.post("/en/apply-for-trial/", form_data(email="not an address"))
    assert refused.status_code == 200 and 'aria-invalid="true"' in refused.content.decode()
    assert_strict(refused)
    refused = site.post("/en/newsletter/", {"email": "nope", "language": "en", "website": ""})
    assert refused.status_code == 400 and 'aria-invalid="true"' in refused.content.decode()
    assert_strict(refused)


def test_token_pages_good_and_forged_carry_the_strict_policy(site, mailoutbox,
                                                           django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signed_up = site.post("/en/newsletter/", {
            "email": "ann@example.org", "language": "en", "topics": ["news"], "consent": "on",
            "website": "", "source": "/en/"})
    assert signed_up.status_code == 302
    thanks = site.get(signed_up["Location"])
    assert_strict(thanks)
    link = re.search(r"https?://\S+(/en/newsletter/confirm/\S+/)", mailoutbox[0].body).group(1)
    confirmed = site.get(link)
    assert confirmed.status_code == 200 and "You are subscribed" in confirmed.content.decode()
    assert_strict(confirmed)
    forged = site.get("/en/newsletter/confirm/forged-token/")
    assert forged.status_code == 400
    assert_strict(forged)

    application = application_create()
    status = site.get(status_path(application, "en"))
    assert status.status_code == 200 and application.reference in status.content.decode()
    assert_strict(status)
    forged = site.get("/en/apply-for-trial/status/forged-token/")
    assert forged.status_code in (400, 404)
    assert_strict(forged)


def test_the_404_page_carries_the_strict_policy(site):
    for page in ("/en/no-such-page/", "/zh-hans/no-such-page/", "/en/news/no-such-story/"):
        response = site.get(page)
        assert response.status_code == 404, page
        assert_strict(response)


@pytest.mark.urls(__name__)
def test_the_500_page_carries_the_strict_policy(site):
    response = Client(raise_request_exception=False).get("/boom/")
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert_strict(response)


def test_staff_get_the_editor_policy_and_visitors_never_do(site, staff_user):
    page = "/en/about-us/"
    visitor = site.get(page)
    assert_strict(visitor)

    staff = Client()
    signed_in = staff.post(f"/en/admin/login/?next={page}",
                           {"username": "editor", "password": "secret", "next": page})
    assert signed_in.status_code == 302
    edited = staff.get(page)
    html = edited.content.decode()
    assert edited.status_code == 200 and 'id="cms-top"' in html  # the toolbar is on the page
    csp = policy(edited)
    assert "'unsafe-inline'" in csp["script-src"] and "'unsafe-inline'" in csp["style-src"]
    assert not any(source.startswith("'nonce-") for source in csp["script-src"])
    assert csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'self'"]
    assert "camera=()" in edited["Permissions-Policy"]

    assert_strict(site.get(page))  # served from the page cache after the staff visit
