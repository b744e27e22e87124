"""Staff at the Code of Ethics admin and at an inline text editor, in a real browser."""

import re

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from djangocms_text.models import Text
from playwright.sync_api import expect

from center.ethics.demo import load_demo_content
from center.ethics.models import CodeVersion

pytestmark = pytest.mark.browser


def _log_in(page, live_site, django_user_model, next_url):
    django_user_model.objects.create_superuser("editor", "editor@example.org", "secret-pass")
    page.goto(f"{live_site}/en/admin/login/?next={next_url}")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "secret-pass")
    page.locator("input[type=submit], button[type=submit]").first.click()


def test_the_draft_edit_page_is_short_and_saving_it_unchanged_changes_nothing(
        live_site, new_page, django_user_model):
    load_demo_content()
    draft = CodeVersion.objects.get(label="1.2")
    staff = new_page(width=1280)
    _log_in(staff, live_site, django_user_model, f"/en/admin/ethics/codeversion/{draft.pk}/change/")
    expect(staff.locator("#codeversion_form")).to_be_visible()

    # Eleven principles on a page a person can take in (stacked, it was 7,000 px long).
    assert staff.evaluate("document.documentElement.scrollHeight") < 3000
    assert staff.evaluate("document.documentElement.scrollWidth") <= 1280

    staff.locator("input[name=_continue]").click()  # the browser sends "\r\n" line breaks
    expect(staff.locator(".messagelist .success")).to_be_visible()

    staff.goto(f"{live_site}/en/code-of-ethics/changes/?from=1.1&to=1.2")
    main = staff.locator("main")
    expect(main.locator("#change-7")).to_be_visible()  # the draft's one real change
    expect(main.locator("#change-preamble")).to_have_count(0)
    expect(main.locator("section.change--reworded")).to_have_count(1)


def test_editing_one_sentence_keeps_the_lists_as_they_were(live_site, new_page,
                                                           django_user_model):
    published = PageContent.objects.get(page__reverse_id="about", language="en")
    placeholder = published.get_placeholders().get(slot="content")
    add_plugin(placeholder, "TextPlugin", "en",
               body="<p>Our aims.</p><ul><li>Research</li><li>Teaching</li></ul>")
    staff = new_page()
    _log_in(staff, live_site, django_user_model, "/en/about-us/")
    expect(staff.locator("html")).to_have_class(re.compile(r"cms-ready"))
    staff.locator("a.cms-versioning-js-edit-btn").first.click()
    expect(staff).to_have_url(re.compile(r"/admin/cms/placeholder/object/\d+/edit/\d+/"))

    wrapper = staff.locator(".cms-editor-inline-wrapper[data-cms-type='TextPlugin']",
                            has_text="Our aims.")
    wrapper.locator("p", has_text="Our aims.").click()  # the editor starts on a click
    expect(wrapper.locator(".ProseMirror[contenteditable='true']")).to_be_visible()
    wrapper.locator("p", has_text="Our aims.").click()
    staff.keyboard.press("End")
    staff.keyboard.type(" And more.")
    with staff.expect_response(lambda r: "/admin/cms/placeholder/edit-plugin/" in r.url
                               and r.request.method == "POST"):
        staff.locator("h1").first.click()  # blur saves the inline editor

    body = Text.objects.filter(body__contains="And more.").get().body
    assert body == "<p>Our aims. And more.</p><ul><li>Research</li><li>Teaching</li></ul>"
