"""Apply for Trial in a real Chromium: an applicant using only the keyboard, then a
reviewer deciding in the admin, then the applicant reading the decision."""

import re

import pytest
from playwright.sync_api import expect

from center.trials.demo import load_demo_content
from center.trials.models import TrialApplication
from tests.support.users import UserFactory

pytestmark = pytest.mark.browser

INTENDED_USE = ("We will trial AI triage in two hospital wards; a doctor checks every "
                "suggestion, and patients are told and may opt out.")


@pytest.fixture
def trial_site(live_site, settings):
    load_demo_content()
    settings.TRIALS_MIN_FILL_SECONDS = 0  # a script types faster than any person
    UserFactory(username="rita", email="rita@center.example", group="Reviewers")
    return live_site


def _type_and_tab(page, text: str):
    page.keyboard.type(text)
    page.keyboard.press("Tab")


def _apply_with_the_keyboard(page, *, email: str):
    page.get_by_label("Your name").focus()
    _type_and_tab(page, "Ada Lovelace")
    _type_and_tab(page, email)
    _type_and_tab(page, "Chief Medical Officer")
    _type_and_tab(page, "")  # phone is optional
    _type_and_tab(page, "Analytical Hospital")
    _type_and_tab(page, "United Kingdom")
    expect(page.get_by_label("Sector")).to_be_focused()
    page.keyboard.type("Healthcare")  # a focused select jumps to the typed option
    page.keyboard.press("Tab")
    expect(page.get_by_label("AI healthcare")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.get_by_label("How will you use them?")).to_be_focused()
    _type_and_tab(page, INTENDED_USE)
    expect(page.get_by_label("Pilot: fewer than 100 people")).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")  # the privacy notice's summary
    page.keyboard.press("Enter")  # opens it
    expect(page.locator(".privacy-notice__text")).to_be_visible()
    page.keyboard.press("Tab")
    expect(page.get_by_label(re.compile("I have read the privacy notice"))).to_be_focused()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Submit application")).to_be_focused()
    page.keyboard.press("Enter")


def test_apply_with_the_keyboard_review_and_read_the_decision(
        trial_site, new_page, assert_accessible):
    applicant = new_page()
    applicant.goto(trial_site + "/en/apply-for-trial/")
    assert_accessible(applicant)
    _apply_with_the_keyboard(applicant, email="ada@")

    # The error summary takes the focus and links to the field, which keeps what was typed.
    summary = applicant.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Work email: Enter a valid email address.")
    assert_accessible(applicant)
    applicant.keyboard.press("Tab")
    applicant.keyboard.press("Enter")
    email = applicant.get_by_label("Work email")
    expect(email).to_be_focused()
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(applicant.get_by_label("How will you use them?")).to_have_value(INTENDED_USE)
    applicant.keyboard.press("Control+A")
    applicant.keyboard.type("ada@example.org")
    applicant.keyboard.press("Enter")  # Enter in a text field submits the form

    expect(applicant).to_have_url(re.compile(r"/en/apply-for-trial/thanks/\?ref="))
    application = TrialApplication.objects.get()
    expect(applicant.locator(".trial-reference")).to_contain_text(application.reference)
    assert_accessible(applicant)
    applicant.get_by_role("link", name="Follow your application").focus()
    applicant.keyboard.press("Enter")
    expect(applicant.locator(".trial-state")).to_have_text("Submitted")
    status_url = applicant.url
    assert_accessible(applicant)

    reviewer = new_page()
    reviewer.goto(trial_site + "/en/admin/login/?next=/en/admin/trials/trialapplication/")
    reviewer.fill("#id_username", "rita")
    reviewer.fill("#id_password", "secret")
    reviewer.get_by_role("button", name="Log in").click()
    reviewer.get_by_role("link", name=application.reference).click()
    reviewer.get_by_role("link", name="Start review").click()
    reviewer.get_by_label("Internal note").fill("Ethics board approval on file.")
    reviewer.get_by_role("button", name="Start review").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("is now In review")
    reviewer.get_by_role("link", name="Approve").click()
    message = reviewer.get_by_label("Message to the applicant")
    expect(message).to_have_value(re.compile("pleased to approve"))  # the template
    message.fill("We are pleased to approve your trial. We will call you on Monday.")
    reviewer.get_by_role("button", name="Approve").click()
    expect(reviewer.locator(".messagelist")).to_contain_text("is now Approved")
    expect(reviewer.locator(".trials-timeline")).to_contain_text("Ethics board approval")

    applicant.goto(status_url)
    expect(applicant.locator(".trial-state")).to_have_text("Approved")
    expect(applicant.locator(".trial-timeline")).to_contain_text("call you on Monday")
    expect(applicant.locator("body")).not_to_contain_text("Ethics board approval")
    assert_accessible(applicant)


def test_the_chinese_form_on_a_phone_is_accessible(trial_site, new_page, assert_accessible):
    page = new_page(locale="zh-CN", width=390, height=844)
    page.goto(trial_site + "/zh-hans/apply-for-trial/")
    expect(page.get_by_role("heading", level=1)).to_have_text("申请试用")
    assert_accessible(page)
    page.get_by_role("button", name="提交申请").click()
    expect(page.locator(".error-summary")).to_contain_text("请同意隐私声明后再提交申请。")
    assert_accessible(page)
