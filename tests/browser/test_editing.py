import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

NEW_TEXT = "Edited in the browser and published by staff."


def test_staff_edits_publishes_and_a_visitor_sees_it(live_site, new_page, django_user_model):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-pass")
    staff = new_page()
    staff.goto(live_site + "/en/admin/login/?next=/en/about-us/")
    staff.fill("#id_username", "editor")
    staff.fill("#id_password", "secret-pass")
    staff.locator("input[type=submit], button[type=submit]").first.click()
    expect(staff.locator("html")).to_have_class(re.compile(r"cms-ready"))

    staff.locator("a.cms-versioning-js-edit-btn").first.click()
    expect(staff).to_have_url(re.compile(r"/admin/cms/placeholder/object/\d+/edit/\d+/"))
    editor = staff.locator(
        ".cms-editor-inline-wrapper[data-cms-type='TextPlugin'] "
        ".ProseMirror[contenteditable='true']"
    ).first
    expect(editor).to_be_visible()
    editor.click()
    staff.keyboard.press("Control+A")
    staff.keyboard.type(NEW_TEXT)
    with staff.expect_response(
        lambda r: "/admin/cms/placeholder/edit-plugin/" in r.url and r.request.method == "POST"
    ):
        staff.locator("h1").first.click()  # blur saves the inline editor

    visitor = new_page()
    visitor.goto(live_site + "/en/about-us/")
    expect(visitor.locator("main")).not_to_contain_text(NEW_TEXT)  # still a draft

    staff.locator("a.cms-versioning-js-publish-btn").first.click()
    expect(staff).to_have_url(re.compile(r"/en/about-us/$"))

    visitor.reload()
    expect(visitor.locator("main")).to_contain_text(NEW_TEXT)
    expect(visitor.locator("#cms-top")).to_have_count(0)
