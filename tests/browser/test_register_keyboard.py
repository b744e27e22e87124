"""Registering for an event in a real Chromium, by keyboard only (Tab, typing, Space on the
checkbox, Enter), in English and in Chinese; the event page, the form (blank, with errors,
on a 390 px phone) and the result page have no axe violations."""

import pytest
from playwright.sync_api import expect

from center.registrations.models import Registration
from tests.registrations.conftest import open_event

pytestmark = pytest.mark.browser


@pytest.fixture
def event_site(live_site, settings):
    settings.REGISTRATIONS_MIN_FILL_SECONDS = 0  # a script types faster than any person
    return live_site, open_event(capacity=12)


def _type_and_tab(page, text: str):
    page.keyboard.type(text)
    page.keyboard.press("Tab")


def _register_with_the_keyboard(page, *, name: str, email: str, labels: dict):
    page.get_by_label(labels["name"]).focus()
    _type_and_tab(page, name)
    _type_and_tab(page, email)
    _type_and_tab(page, "Analytical Society")
    expect(page.get_by_label(labels["access"])).to_be_focused()
    _type_and_tab(page, "")  # access needs are optional
    expect(page.get_by_role("link", name=labels["privacy"])).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator("#id_consent")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.locator("#id_consent")).to_be_checked()
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name=labels["button"])).to_be_focused()
    page.keyboard.press("Enter")


def test_register_by_keyboard_in_english(event_site, new_page, assert_accessible):
    site, setup = event_site
    page = new_page()
    page.goto(site + setup.event.get_absolute_url())
    # Beside the Register button at the top and in the key facts.
    expect(page.locator("[data-seats]")).to_have_text(["12 seats left"] * 2)
    assert_accessible(page)
    page.get_by_role("link", name="Register", exact=True).first.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Register:")
    assert_accessible(page)

    # Enter on the empty form: the error summary takes the focus and names each field.
    page.get_by_role("button", name="Register").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator(".error-summary")).to_contain_text(
        "Please agree to the privacy notice to register.")
    assert_accessible(page)

    _register_with_the_keyboard(page, name="Ada Lovelace", email="ada@example.org", labels={
        "name": "Your name", "access": "Access needs (optional)",
        "privacy": "Read the privacy notice", "button": "Register"})
    expect(page.get_by_role("heading", level=1)).to_have_text("Your seat is confirmed")
    assert_accessible(page)
    assert Registration.objects.get().status == "confirmed"

    page.goto(site + setup.event.get_absolute_url())
    # The page itself may come from the cache; its script polls seats.json (5 s, every 6 s).
    expect(page.locator("[data-seats]")).to_have_text(["11 seats left"] * 2, timeout=15_000)


def test_register_by_keyboard_in_chinese(event_site, new_page, assert_accessible):
    site, setup = event_site
    page = new_page(locale="zh-CN")
    page.goto(f"{site}/zh-hans/registrations/{setup.event.slug}/")
    _register_with_the_keyboard(page, name="王小明", email="wang@example.org", labels={
        "name": "您的姓名", "access": "无障碍需求（选填）", "privacy": "阅读隐私声明",
        "button": "报名"})
    expect(page.get_by_role("heading", level=1)).to_have_text("您的座位已确认")
    assert_accessible(page)
    assert Registration.objects.get().language == "zh-hans"


def test_the_form_on_a_phone_is_accessible(event_site, new_page, assert_accessible):
    site, setup = event_site
    page = new_page(locale="zh-CN", width=390, height=844)
    page.goto(f"{site}/zh-hans/registrations/{setup.event.slug}/")
    assert_accessible(page)
    page.get_by_role("button", name="报名").click()
    expect(page.locator(".error-summary")).to_contain_text("请同意隐私声明后再报名。")
    assert_accessible(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
