"""A visitor searches in the other language's words, narrows the results by type, switches
language keeping the query, and reads the accessibility statement from the footer; each page
is checked with axe-core at desktop and phone widths."""

import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


@pytest.fixture
def live_demo(transactional_db, django_db_serialized_rollback, live_server):
    call_command("load_demo", verbosity=0)
    call_command("search_reindex", verbosity=0)
    return live_server.url


@pytest.mark.parametrize("width", [1280, 390])
def test_searching_across_languages_filtering_and_the_footer(live_demo, new_page,
                                                             assert_accessible, width):
    page = new_page(width=width)
    page.goto(live_demo + "/en/search/?q=人工智能")
    other = page.locator("section.search-other")
    expect(other.get_by_role("heading", name="Results in Chinese (中文)")).to_be_visible()
    expect(other.locator('a[hreflang="zh-hans"]').first).to_be_visible()
    assert_accessible(page)

    page.goto(live_demo + "/en/search/?q=ethics")
    filters = page.get_by_role("navigation", name="Filter by type")
    filters.get_by_role("link", name=re.compile(r"^News \d+")).click()
    expect(page).to_have_url(re.compile(r"/en/search/\?q=ethics&type=news$"))
    kinds = page.locator(".search-result__kind").all_inner_texts()
    assert kinds and {kind.strip().lower() for kind in kinds} == {"news"}
    assert_accessible(page)

    if width > 1000:  # the phone menu hides the chooser behind a button
        page.get_by_role("link", name="中文").click()
        expect(page).to_have_url(re.compile(r"/zh-hans/search/\?q=ethics&type=news$"))
        expect(page.locator("#search-page-q")).to_have_value("ethics")
        assert_accessible(page)
        page.goto(live_demo + "/en/search/?q=ethics")

    page.locator(".site-footer").get_by_role("link", name="Accessibility statement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accessibility statement")
    expect(page.get_by_role("navigation", name="Breadcrumb")).to_contain_text("Home")
    assert_accessible(page)
    page.goto(live_demo + "/zh-hans/accessibility/")
    assert_accessible(page)
