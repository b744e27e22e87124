"""The applicant reads an ethics-reviewed decision on the status page, in Chromium: the
principles that mattered and the conditions, each linking to the principle in the Code
version used; accessible in both languages, on a desktop and on a phone."""

import pytest
from playwright.sync_api import expect

from center.ethics.demo import load_demo_content as load_demo_code
from center.trials.demo import load_demo_content as load_demo_trials
from center.trials.links import status_path
from center.trials.models import TrialApplication

pytestmark = pytest.mark.browser


@pytest.fixture
def approved_with_conditions(live_site, settings):
    settings.DEMO_MODE = True  # the assessed demo applications come with demo mode only
    load_demo_code()
    load_demo_trials()
    return TrialApplication.objects.get(email="triage-pilot@example.org", state="approved")


@pytest.mark.parametrize("language, width, conditions_heading", [
    ("zh-hans", 390, "使用条件"),
    ("en", 1280, "Conditions of use"),
])
def test_the_status_page_cites_the_principles_and_links_to_them(
        live_site, approved_with_conditions, new_page, assert_accessible, language, width,
        conditions_heading):
    page = new_page(width=width, height=900)
    page.goto(live_site + status_path(approved_with_conditions, language))
    expect(page.locator("main")).to_contain_text(conditions_heading)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert_accessible(page)

    # The human-oversight principle carried a condition and a high rating: its link opens it.
    page.locator(".trial-letter a[href*='#principle-10']").first.click()
    expect(page.locator("#principle-10")).to_be_visible()
    assert "/code-of-ethics/v/1.1/" in page.url
