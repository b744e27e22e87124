"""Chromium enforces the Content-Security-Policy and reports nothing blocked: on the pages a
visitor uses in both languages (with their scripts still working), and for staff in edit
mode with the toolbar and the inline editor."""

import re
from urllib.parse import urlparse

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

# Runs before any page script; a blocked resource or inline code fires this event.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`
                              + ` at ${e.sourceFile}:${e.lineNumber}`);
});
"""


@pytest.fixture
def watched_page(new_page):
    """A page whose CSP violations (events and console reports) and page errors are kept."""
    def make(**kwargs):
        page = new_page(**kwargs)
        page.add_init_script(RECORD_VIOLATIONS)
        page.reports = []
        page.on("console", lambda message: page.reports.append(message.text)
                if "Content Security Policy" in message.text else None)
        page.on("pageerror", lambda error: page.reports.append(f"page error: {error}"))
        return page
    return make


def assert_nothing_blocked(page):
    seen = page.evaluate("window.__cspViolations") + page.reports
    assert not seen, f"on {page.url}:\n" + "\n".join(seen)


@pytest.fixture
def live_demo(transactional_db, django_db_serialized_rollback, live_server):
    call_command("load_demo", verbosity=0)
    return live_server.url


def test_visitor_pages_in_both_languages_run_under_the_strict_policy(live_demo, watched_page):
    live_site = live_demo
    page = watched_page(width=390, height=844)  # a phone: the menu needs its script
    sitemap = page.request.get(live_site + "/sitemap.xml").text()
    paths = {urlparse(location).path for location in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    assert len(paths) > 20
    for address in sorted(paths):
        page.goto(live_site + address)
        assert_nothing_blocked(page)

    for language in ("en", "zh-hans"):
        for address in ("/", "/events/", "/apply-for-trial/", "/newsletter/",
                        "/code-of-ethics/"):
            response = page.goto(f"{live_site}/{language}{address}")
            assert "'unsafe-inline'" not in response.headers["content-security-policy"]
            toggle = page.locator(".nav-toggle")
            expect(toggle).to_be_visible()  # site.js shows it
            toggle.click()
            expect(toggle).to_have_attribute("aria-expanded", "true")
            expect(page.locator("#site-nav")).to_be_visible()
            assert_nothing_blocked(page)

        # Detail pages carry JSON-LD: a data block, never executed, so never blocked.
        page.goto(f"{live_site}/{language}/events/")
        page.locator(".event-card__title a").first.click()
        expect(page).to_have_url(re.compile(rf"/{language}/events/[^/]+/$"))
        expect(page.locator("script[type='application/ld+json']")).to_have_count(1)
        assert_nothing_blocked(page)

    # Chromium knows every feature the Permissions-Policy names, and has turned each off.
    response = page.goto(f"{live_site}/en/")
    named = [item.split("=")[0].strip()
             for item in response.headers["permissions-policy"].split(",")]
    known = page.evaluate("document.featurePolicy.features()")
    assert [feature for feature in named if feature not in known] == []
    allowed = page.evaluate("names => names.filter(f => document.featurePolicy.allowsFeature(f))",
                            named)
    assert allowed == []

    # The trial form's script moves focus to the error summary after a refused submit.
    page.goto(f"{live_site}/en/apply-for-trial/")
    page.get_by_role("button", name="Submit application").click()
    expect(page.locator(".error-summary")).to_be_focused()
    assert_nothing_blocked(page)

    # The Code's print button is shown by its script.
    page.goto(f"{live_site}/en/code-of-ethics/")
    expect(page.locator("[data-print]").first).to_be_visible()
    assert_nothing_blocked(page)


def test_staff_edit_with_the_toolbar_and_nothing_is_blocked(live_site, watched_page,
                                                            django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-pass")
    staff = watched_page()
    staff.goto(live_site + "/en/admin/login/?next=/en/about-us/")
    staff.fill("#id_username", "editor")
    staff.fill("#id_password", "secret-pass")
    staff.locator("input[type=submit], button[type=submit]").first.click()
    expect(staff.locator("html")).to_have_class(re.compile(r"cms-ready"))
    assert_nothing_blocked(staff)

    staff.locator("a.cms-versioning-js-edit-btn").first.click()
    expect(staff).to_have_url(re.compile(r"/admin/cms/placeholder/object/\d+/edit/\d+/"))
    expect(staff.locator("html")).to_have_class(re.compile(r"cms-ready"))
    editor = staff.locator(
        ".cms-editor-inline-wrapper[data-cms-type='TextPlugin'] "
        ".ProseMirror[contenteditable='true']"
    ).first
    expect(editor).to_be_visible()
    editor.click()
    staff.keyboard.press("Control+A")
    staff.keyboard.type("Edited under the staff policy.")
    with staff.expect_response(
        lambda r: "/admin/cms/placeholder/edit-plugin/" in r.url and r.request.method == "POST"
    ):
        staff.locator("h1").first.click()  # blur saves the inline editor
    assert_nothing_blocked(staff)

    # The structure board, where plugins are dragged.
    edit_url = staff.url.split("?")[0]
    staff.goto(edit_url.replace("/edit/", "/structure/"))
    expect(staff.locator(".cms-structure-content .cms-draggable").first).to_be_visible()
    assert_nothing_blocked(staff)

    # The pop-up editor: the plugin's admin form in the CMS modal's frame.
    staff.goto(edit_url + "?inline_editing=0")
    expect(staff.locator("html")).to_have_class(re.compile(r"cms-ready"))
    staff.locator("main .cms-plugin").first.dblclick()
    form = staff.frame_locator(".cms-modal-frame iframe")
    expect(form.locator("form").first).to_be_visible()
    staff.locator(".cms-modal-buttons .cms-btn-action").first.click()
    expect(staff.locator(".cms-modal")).to_be_hidden()
    assert_nothing_blocked(staff)

    # The admin's lists and forms (filer's folders, a page's settings) run under it too.
    for address in ("/en/admin/", "/en/admin/filer/folder/", "/en/admin/cms/pagecontent/",
                    "/en/admin/newsletter/campaign/add/"):
        staff.goto(live_site + address)
        expect(staff.locator("#content")).to_be_visible()
        assert_nothing_blocked(staff)
