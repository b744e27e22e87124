"""A reviewer's list of trial applications on a 1280 px screen, in English and Chinese."""

import pytest
from playwright.sync_api import expect

from center.trials import services
from center.trials.models import TrialApplication
from tests.support.users import UserFactory
from tests.trials.factories import ProductFactory, application_create

pytestmark = pytest.mark.browser

State = TrialApplication.State
# Long names, as real institutions have them, in both languages and every state.
APPLICANTS = [
    ("en", "Royal Northern Hospital for Children and Young People, Department of Radiology",
     State.SUBMITTED),
    ("zh-hans", "上海交通大学医学院附属瑞金医院放射科与医学影像中心", State.SUBMITTED),
    ("en", "Ministry of Education, Science and Digital Transformation of the Republic",
     State.IN_REVIEW),
    ("zh-hans", "深圳市南山区人民政府数字化转型与智慧城市建设办公室", State.IN_REVIEW),
    ("en", "University Hospitals of the Greater Metropolitan Region NHS Foundation Trust",
     State.MORE_INFO),
    ("zh-hans", "北京师范大学教育技术学院人工智能与未来教育研究中心", State.APPROVED),
    ("en", "International Consortium for Responsible Artificial Intelligence in Schools",
     State.DECLINED),
    ("zh-hans", "浙江省卫生健康委员会信息中心与远程医疗协作平台", State.APPROVED),
]
MOVES = {State.IN_REVIEW: [], State.MORE_INFO: [services.application_request_info],
         State.APPROVED: [services.application_approve],
         State.DECLINED: [services.application_decline]}


def _applications(reviewer):
    product = ProductFactory(slug="ai-healthcare", name="AI healthcare", zh={"name": "AI医疗"})
    for number, (language, organisation, state) in enumerate(APPLICANTS):
        application = application_create(
            email=f"applicant{number}@example.org", language=language, products=[product],
            organisation=organisation, name="Alexandra Konstantinopoulou-Whitfield",
            job_title="Deputy Director of Clinical Informatics and Digital Services")
        if state != State.SUBMITTED:
            services.application_start_review(application=application, reviewer=reviewer)
            for move in MOVES[state]:
                move(application=application, reviewer=reviewer,
                     message="Thank you for your detailed application.")
            services.application_assign(application=application, reviewer=reviewer,
                                        by=reviewer)


@pytest.mark.parametrize(("language", "submitted", "approved"), [
    ("en", "Submitted", "Approved"), ("zh-hans", "已提交", "已批准")])
def test_the_application_list_fits_1280_px_with_readable_state_badges(
        live_site, staff_page, axe_violations, language, submitted, approved):
    reviewer = UserFactory(username="rita", email="rita@center.example", group="Reviewers")
    _applications(reviewer)
    page = staff_page(reviewer, width=1280, height=900)
    page.goto(f"{live_site}/{language}/admin/trials/trialapplication/")

    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(len(APPLICANTS))
    expect(page.locator("#result_list")).to_contain_text("上海交通大学医学院")
    # No sideways scrolling: neither the page nor the table in its own scrolling box.
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.locator("#changelist-form .results").evaluate(
        "box => box.scrollWidth <= box.clientWidth")

    badges = page.locator("#result_list .trials-state")
    expect(badges).to_have_count(len(APPLICANTS))
    for badge in badges.all():
        expect(badge).to_be_visible()
        expect(badge).not_to_have_text("")
    expect(page.locator(".trials-state--submitted").first).to_have_text(submitted)
    expect(page.locator(".trials-state--approved").first).to_have_text(approved)

    violations = axe_violations(page)
    assert not violations, [(v["id"], [n["target"] for n in v["nodes"][:3]])
                            for v in violations]
