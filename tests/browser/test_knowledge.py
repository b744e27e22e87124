"""Issue 4's visitor journey on the full demo: search → a principle of the Code → what changed
between versions → the whitepaper's PDF and its BibTeX."""

import re

import bibtexparser
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WHITEPAPER = "/en/whitepapers/code-of-ethics-for-ai-sustainable-development/"


@pytest.fixture
def live_demo(transactional_db, django_db_serialized_rollback, live_server):
    # The demo's Code has 1.1 in force (its "Credibility" reworded) and 1.0 superseded.
    call_command("load_demo", verbosity=0)
    call_command("search_reindex", verbosity=0)
    return live_server.url


def test_visitor_searches_reads_a_principle_and_sees_what_changed(
        live_demo, new_page, assert_accessible):
    page = new_page()
    page.goto(live_demo + "/en/")
    page.get_by_role("searchbox", name="Search the site").fill("credibility")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=credibility"))
    assert_accessible(page)

    result = page.locator(".search-result").filter(has_text="Code of Ethics principle").first
    expect(result.locator(".search-result__title mark")).to_have_text("Credibility")
    result.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/en/code-of-ethics/#principle-9$"))
    expect(page.locator("#principle-9")).to_contain_text("Credibility")
    assert_accessible(page)

    page.get_by_role("link", name="What changed since version 1.0").click()
    expect(page).to_have_url(re.compile(r"/en/code-of-ethics/changes/\?from=1.0&to=1.1"))
    changes = page.locator("main")
    expect(changes).to_contain_text("Credibility")
    expect(changes.locator("ins").first).to_be_visible()
    expect(changes.locator("del").first).to_be_visible()
    assert_accessible(page)


def test_visitor_downloads_the_whitepaper_and_copies_its_bibtex(
        live_demo, browser, assert_accessible):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_demo)
    page = context.new_page()
    try:
        page.goto(live_demo + WHITEPAPER)
        assert_accessible(page)

        download_link = page.get_by_role("link", name="Download PDF")
        response = page.request.get(live_demo + download_link.get_attribute("href"))
        assert response.status == 200
        assert response.headers["content-type"] == "application/pdf"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert re.fullmatch(r'attachment; filename="[A-Za-z0-9._-]+\.pdf"',
                            response.headers["content-disposition"])
        assert response.body()[:5] == b"%PDF-"
        with page.expect_download() as download_info:
            download_link.click()
        assert download_info.value.suggested_filename.endswith(".pdf")

        page.locator("summary", has_text="BibTeX").click()
        page.get_by_role("button", name="Copy BibTeX").click()
        expect(page.locator(".cite-box__status")).to_have_text("Copied to the clipboard.")
        copied = page.evaluate("navigator.clipboard.readText()")
        library = bibtexparser.parse_string(copied)
        (entry,) = library.entries
        assert entry.entry_type == "techreport"
        assert "Code of Ethics for AI Sustainable Development" in entry["title"]
    finally:
        context.close()
