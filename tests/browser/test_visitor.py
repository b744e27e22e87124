import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_visitor_reads_about_page_in_both_languages(live_site, new_page, assert_accessible):
    page = new_page(locale="en-US")
    page.goto(live_site + "/")
    expect(page).to_have_url(re.compile(r"/en/$"))
    assert_accessible(page)

    main_nav = page.get_by_role("navigation", name="Main")
    main_nav.get_by_role("link", name="About Us", exact=True).hover()
    main_nav.get_by_role("link", name="Ethical and Responsible AI").click()
    expect(page).to_have_url(re.compile(r"/en/about-us/ethical-and-responsible-ai/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ethical and Responsible AI")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("About Us")
    assert_accessible(page)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="中文").click()
    expect(page).to_have_url(re.compile(r"/zh-hans/about-us/ethical-and-responsible-ai/$"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_role("heading", level=1)).to_contain_text("人工智能")
    expect(page.locator("main")).to_contain_text("机器人三定律")
    assert_accessible(page)

    page.goto(live_site + "/zh-hans/")
    assert_accessible(page)


def test_chinese_browser_lands_on_the_chinese_home(live_site, new_page):
    page = new_page(locale="zh-CN")
    page.goto(live_site + "/")
    expect(page).to_have_url(re.compile(r"/zh-hans/$"))


def test_phone_visitor_opens_the_menu_with_the_keyboard(live_site, new_page, assert_accessible):
    page = new_page(width=390, height=844)
    page.goto(live_site + "/en/about-us/")
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()

    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    assert_accessible(page)

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()


def test_phone_menu_is_collapsed_before_the_script_runs(live_site, new_page):
    # The first paint must already be the collapsed menu: a menu that collapses only when
    # site.js arrives makes the whole page jump (a layout shift) on every phone visit.
    page = new_page(width=390, height=844)
    page.route("**/site*.js", lambda route: route.abort())
    page.goto(live_site + "/en/about-us/")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.get_by_role("button", name="Menu")).to_be_visible()


def test_without_javascript_the_phone_menu_stays_open(browser, live_site):
    context = browser.new_context(java_script_enabled=False,
                                  viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(live_site + "/en/about-us/")
        expect(page.get_by_role("navigation", name="Main")).to_be_visible()
        expect(page.get_by_role("button", name="Menu")).to_be_hidden()
    finally:
        context.close()


def test_skip_link_moves_focus_to_the_main_content(live_site, new_page):
    page = new_page()
    page.goto(live_site + "/en/about-us/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("#main-content")).to_be_focused()
