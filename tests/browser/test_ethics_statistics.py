"""The ethics review statistics page and the public transparency report in Chromium: axe
finds nothing in either language, and the charts fit their box at 1280 and 390 px."""

import os
from pathlib import Path

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from django.utils import timezone
from playwright.sync_api import expect

from center.trials.models import TransparencyReport, TrialApplication
from tests.ethics.factories import code_version, translate
from tests.support.users import UserFactory
from tests.trials.factories import ProductFactory
from tests.trials.stats_data import bulk_decided, day

pytestmark = pytest.mark.browser

State = TrialApplication.State
RISKS = ["none", "low", "medium", "high", "unacceptable"]
SHOTS = os.environ.get("SCREENSHOTS")  # a folder: the pages are saved there to look at


@pytest.fixture
def decisions(live_site):
    code = code_version("1.0", {1: "People first.", 2: "Share the benefits.",
                                3: "AI systems are reliable and secure."})
    for number, title in {1: "以人为本", 2: "共享惠益", 3: "安全可靠"}.items():
        translate(code.principles.get(number=number), "zh-hans", title=title)
    products = [ProductFactory(slug="ai-healthcare", name="AI healthcare", zh={"name": "AI医疗"}),
                ProductFactory(slug="ai-education", name="AI education", zh={"name": "AI教育"})]
    sectors = ["healthcare", "education", "government", "research"]
    bulk_decided([{"risks": {n: RISKS[(i + n) % 4 + (i % 9 == 0)] for n in (1, 2, 3)},
                   "state": State.DECLINED if i % 9 == 0 else State.APPROVED,
                   "sector": sectors[i % 4], "products": [products[i % 2]],
                   "submitted": day(2025 if i < 30 else 2026, 1 + i % 10, 3),
                   "days": 3 + i % 12, "conditions": [2] if i % 5 == 0 else []}
                  for i in range(40)], code=code)
    return code


def _shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


@pytest.mark.parametrize(("language", "heading"), [("en", "Ethics review statistics"),
                                                   ("zh-hans", "伦理审查统计")])
def test_the_statistics_page_is_accessible(staff_page, live_site, decisions, assert_accessible,
                                           language, heading):
    reviewer = UserFactory(username="rita", group="Reviewers")
    for width in (1280, 390):
        page = staff_page(reviewer, width=width)
        page.goto(f"{live_site}/{language}/admin/trials/trialapplication/statistics/")
        expect(page.locator("h1")).to_have_text(heading)
        expect(page.locator("svg.stats-svg")).to_have_count(5)
        # The charts scroll inside their own box on a phone; the page itself does not.
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        page.locator("details summary").first.click()
        _shot(page, f"statistics-{language}-{width}")
        assert_accessible(page)
        page.keyboard.press("Tab")  # reachable by keyboard: the skip link, then on


@pytest.mark.parametrize(("language", "heading"), [("en", "Ethics review in 2025"),
                                                   ("zh-hans", "2025 年伦理审查")])
def test_the_public_report_is_accessible(new_page, live_site, decisions, assert_accessible,
                                         language, heading):
    TransparencyReport.objects.create(year=2025, is_published=True, published_at=timezone.now())
    content = PageContent.objects.get(page__reverse_id="about", language=language)
    add_plugin(content.get_placeholders().get(slot="content"), "TransparencyReportCMSPlugin",
               language, year=2025)
    for width in (1280, 390):
        page = new_page(width=width)
        page.goto(f"{live_site}/{language}/about-us/")
        expect(page.locator(".transparency-report h2")).to_have_text(heading)
        assert page.evaluate("document.documentElement.scrollWidth") <= width + 1
        _shot(page, f"report-{language}-{width}")
        assert_accessible(page)
