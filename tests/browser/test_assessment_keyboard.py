"""A reviewer completes an ethics assessment in Chromium with the keyboard alone: every
control is reachable with Tab, shows where the focus is, and the page passes axe in English
and Chinese."""

import pytest
from playwright.sync_api import expect

from center.trials import services
from center.trials.models import TrialApplication
from tests.ethics.factories import code_version
from tests.support.users import UserFactory
from tests.trials.factories import application_create

pytestmark = pytest.mark.browser

# django CMS adds its toolbar to every page of a logged-in staff member; its menu roles fail
# axe (django CMS's markup, not this page's), as in test_newsletter_admin.py.
THIRD_PARTY = [".cms-toolbar"]


@pytest.fixture
def code_in_force(live_site):  # after the site (and its groups) are restored
    return code_version("1.0", {1: "People first.", 2: "Share the benefits.",
                                3: "AI systems are reliable and secure."}, sections=2)


@pytest.fixture
def in_review(code_in_force):
    reviewer = UserFactory(username="rita", email="rita@center.example", group="Reviewers")
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    return reviewer, application


def _report(violations):
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in violations]


def _focused(page) -> dict:
    return page.evaluate("""() => { const el = document.activeElement, style = getComputedStyle(el);
        return {tag: el.tagName, name: el.name || '', value: el.value || '',
                outline: style.outlineStyle, width: parseFloat(style.outlineWidth)}; }""")


def _tab_until(page, name: str, limit: int = 80) -> dict:
    for _press in range(limit):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["name"] == name:
            return focused
    raise AssertionError(f"{name} never took the focus")


def _assert_visible_focus(focused):
    assert focused["outline"] != "none" and focused["width"] >= 2, focused


def test_a_reviewer_completes_the_assessment_by_keyboard(live_site, staff_page, in_review,
                                                          axe_violations):
    reviewer, application = in_review
    ratings = list(application.assessment.ratings.select_related("principle"))
    page = staff_page(reviewer, width=1280, height=900)
    page.goto(f"{live_site}/en/admin/trials/trialapplication/{application.pk}/assessment/")
    expect(page.get_by_text("0 of 3 principles rated")).to_be_visible()
    assert not _report(axe_violations(page, exclude=THIRD_PARTY))

    # Principle 1: from the top of the page to its risk radios, then the arrows choose
    # (the first press lands on "None"; three more down: Low, Medium, High).
    first = _tab_until(page, f"principle-{ratings[0].principle_id}-risk")
    _assert_visible_focus(first)
    page.keyboard.press("Space")
    for _level in range(3):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    rationale = _focused(page)
    assert rationale["tag"] == "TEXTAREA"
    _assert_visible_focus(rationale)
    page.keyboard.type("Diagnoses for children: a human must check each one.")
    # The Code's order: Part 1 holds principles 1 and 3, Part 2 principle 2.
    # Principle 3: "None", chosen with Space.
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.type("No personal data shared.")
    # Principle 2: one step on to "Low"; then back with Shift+Tab to check it held.
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    page.keyboard.type("Vendor audited.")
    page.keyboard.press("Shift+Tab")
    assert _focused(page)["value"] == "low"
    page.keyboard.press("Tab")

    page.keyboard.press("Tab")
    save = _focused(page)
    assert save["tag"] == "INPUT" and save["value"] == "Save"
    _assert_visible_focus(save)
    page.keyboard.press("Enter")

    expect(page.locator(".messagelist")).to_contain_text("3 ratings saved.")
    expect(page.get_by_text("3 of 3 principles rated")).to_be_visible()
    saved = {r.principle.number: (r.risk, r.rationale) for r in
             TrialApplication.objects.get(pk=application.pk).assessment.ratings
             .select_related("principle")}
    assert saved == {1: ("high", "Diagnoses for children: a human must check each one."),
                     3: ("none", "No personal data shared."), 2: ("low", "Vendor audited.")}
    # A high rating: the page now asks for a second reviewer (and tells Rita it cannot be her).
    expect(page.get_by_text("A second reviewer must be someone who did not rate")).to_be_visible()
    assert not _report(axe_violations(page, exclude=THIRD_PARTY))


def test_the_assessment_page_passes_axe_in_chinese(live_site, staff_page, in_review,
                                                    axe_violations):
    reviewer, application = in_review
    page = staff_page(reviewer, locale="zh-CN", width=1280, height=900)
    page.goto(f"{live_site}/zh-hans/admin/trials/trialapplication/{application.pk}/assessment/")
    expect(page.get_by_role("button", name="保存")).to_be_visible()
    assert page.locator("html").get_attribute("lang") == "zh-hans"
    assert not _report(axe_violations(page, exclude=THIRD_PARTY))
