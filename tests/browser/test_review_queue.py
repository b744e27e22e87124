"""The review queue page in Chromium: readable in both languages, and axe finds nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from center.trials import services
from center.trials.models import TrialApplication
from tests.ethics.factories import code_version
from tests.support.users import UserFactory
from tests.trials.factories import application_create

pytestmark = pytest.mark.browser


def _queue(reviewer):
    code_version("1.0", {1: "People first.", 2: "Share the benefits."})
    late = application_create(email="late@example.org",
                              organisation="上海交通大学医学院附属瑞金医院")
    TrialApplication.objects.filter(pk=late.pk).update(
        submitted_at=timezone.now() - timedelta(days=14))
    risky = application_create(email="risky@example.org", organisation="Risky Robotics Ltd")
    services.application_start_review(application=risky, reviewer=reviewer)
    services.assessment_rate(assessment=risky.assessment, reviewer=reviewer, ratings={
        rating.principle_id: ("high", "Why.") for rating in risky.assessment.ratings.all()})


@pytest.mark.parametrize(("language", "heading"), [
    ("en", "Waiting for a second reviewer (1)"), ("zh-hans", "等待第二审核人（1）")])
def test_the_review_queue_has_no_axe_violations(live_site, staff_page, axe_violations,
                                                 language, heading):
    reviewer = UserFactory(username="rita", email="rita@center.example", group="Reviewers")
    _queue(reviewer)
    page = staff_page(reviewer)
    page.goto(f"{live_site}/{language}/admin/trials/trialapplication/queue/")

    expect(page.locator("#queue-second_reviewer h2")).to_have_text(heading)
    expect(page.locator("#queue-overdue tbody tr")).to_have_count(1)
    expect(page.locator("#queue-assessment")).to_contain_text("上海交通大学医学院附属瑞金医院")
    violations = axe_violations(page)
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"][:3]])
                            for v in violations]

    page.get_by_role("link", name="Only those assigned to me" if language == "en"
                     else "仅分配给我的申请").click()
    expect(page.locator("#queue-overdue")).to_contain_text(
        "No application is overdue." if language == "en" else "没有逾期的申请。")
    assert not axe_violations(page)
