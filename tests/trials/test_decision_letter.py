"""The decision letter and the status page tell the applicant which principles of the Code of
Ethics mattered (medium, high or unacceptable, or carrying a condition) and the conditions of
use, in their language, linking each principle in the Code version they were judged against.
The reviewers' rationales never reach them."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from center.core.links import site_root
from center.ethics.services import version_publish
from center.trials import links, services
from center.trials.letters import decision_letter
from center.trials.models import Risk
from tests.ethics.factories import code_version, translate

from .factories import DecisionTemplateFactory, application_create

pytestmark = pytest.mark.usefixtures("trial_page")

RATIONALE = "Internal: the triage model was trained on one hospital's data only"
ZH_TITLES = {1: "以人为本", 2: "惠民", 3: "人的监督", 4: "可信"}


@pytest.fixture
def code(db):
    version = code_version("1.0", {1: "People first.", 2: "Share the benefits.",
                                   3: "People oversee AI.", 4: "AI is reliable."}, sections=2)
    for principle in version.principles.all():
        translate(principle, "zh-hans", title=ZH_TITLES[principle.number], text="正文。")
    return version


def _assess(application, reviewer, second_reviewer, *, risks, condition_on=None):
    """Takes it into review and rates principle n risks[n] (with the internal rationale)."""
    services.application_start_review(application=application, reviewer=reviewer)
    assessment = application.assessment
    by_number = {r.principle.number: r.principle for r in
                 assessment.ratings.select_related("principle")}
    services.assessment_rate(assessment=assessment, reviewer=reviewer, ratings={
        by_number[n].pk: (risk, f"{RATIONALE} ({n})") for n, risk in risks.items()})
    if condition_on:
        services.condition_add(assessment=assessment, reviewer=reviewer,
                               principle=by_number[condition_on],
                               text="A clinician reviews every suggestion before it is used.")
    services.assessment_concur(assessment=assessment, reviewer=second_reviewer)
    return assessment


RISKS = {1: Risk.NONE, 2: Risk.LOW, 3: Risk.HIGH, 4: Risk.MEDIUM}


@pytest.fixture
def approved(code, reviewer, second_reviewer, committed):
    def approve(language="en"):
        DecisionTemplateFactory(state="approved")
        application = application_create(language=language)
        _assess(application, reviewer, second_reviewer, risks=RISKS, condition_on=2)
        mail.outbox.clear()
        with committed():
            services.application_approve(application=application, reviewer=reviewer,
                                         message="Approved: welcome.")
        application.refresh_from_db()
        return application
    return approve


def _letter_to(application):
    (message,) = [m for m in mail.outbox if m.to == [application.email]]
    return message.body


def _principle_path(language, number, label="1.0"):
    return f"/{language}/code-of-ethics/v/{label}/#principle-{number}"


def _permalink(language, number, label="1.0"):
    """The email's link: absolute, as a mail client needs it."""
    return site_root() + _principle_path(language, number, label)


def test_the_english_letter_cites_what_mattered_and_the_conditions(approved):
    body = _letter_to(approved("en"))

    assert "The Code of Ethics principles that mattered" in body
    assert "(Code of Ethics, version 1.0)" in body
    # High and medium, and the low-rated principle because a condition serves it.
    assert "- 3. Title 3\n  High risk\n  " + _permalink("en", 3) in body
    assert "- 4. Title 4\n  Medium risk\n  " + _permalink("en", 4) in body
    assert "- 2. Title 2\n  Low risk" in body
    assert "1. Title 1" not in body and "principle-1" not in body  # rated none
    # Listed in the Code's order, then the conditions with the principle each serves.
    assert body.index("3. Title 3") < body.index("4. Title 4") < body.index("Conditions of use")
    assert ("- A clinician reviews every suggestion before it is used.\n"
            "  Serves principle 2. Title 2\n  " + _permalink("en", 2)) in body
    assert RATIONALE not in body and "Internal" not in body


def test_the_chinese_letter_is_in_chinese_with_chinese_links(approved):
    body = _letter_to(approved("zh-hans"))

    assert "对本次决定起关键作用的伦理准则原则" in body
    assert "- 3. 人的监督\n  高风险\n  " + _permalink("zh-hans", 3) in body
    assert "- 4. 可信\n  中等风险\n  " in body
    assert "使用条件" in body and "所服务的原则：2. 惠民" in body
    assert "以人为本" not in body and "Title" not in body
    assert RATIONALE not in body


def test_the_status_page_shows_the_letter_only_once_decided(code, reviewer, second_reviewer,
                                                            client):
    application = application_create()
    _assess(application, reviewer, second_reviewer, risks=RISKS, condition_on=2)
    status = links.status_path(application)

    page = client.get(status).content.decode()
    assert "principles that mattered" not in page and "A clinician reviews" not in page

    services.application_approve(application=application, reviewer=reviewer, message="Yes.")
    page = client.get(status).content.decode()
    assert "The Code of Ethics principles that mattered" in page
    # The page links by site path: it works on whichever host served it.
    assert f'<a href="{_principle_path("en", 3)}">3. Title 3</a>' in page
    assert "High risk" in page
    assert "A clinician reviews every suggestion before it is used." in page
    assert f'<a href="{_principle_path("en", 2)}">Serves principle 2. Title 2</a>' in page
    assert "Title 1" not in page
    assert RATIONALE not in page

    page = client.get(links.status_path(application, "zh-hans")).content.decode()
    assert "3. 人的监督" in page and "高风险" in page and "使用条件" in page
    assert RATIONALE not in page


def test_a_declined_application_names_the_unacceptable_principle(code, reviewer, client,
                                                                 committed):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    assessment = application.assessment
    services.assessment_rate(assessment=assessment, reviewer=reviewer, ratings={
        r.principle_id: (Risk.UNACCEPTABLE if r.principle.number == 1 else Risk.LOW, RATIONALE)
        for r in assessment.ratings.select_related("principle")})
    mail.outbox.clear()
    with committed():
        services.application_decline(application=application, reviewer=reviewer,
                                     message="We cannot offer a trial.")

    body = _letter_to(application)
    assert "- 1. Title 1\n  Unacceptable risk\n  " + _permalink("en", 1) in body
    assert "Title 2" not in body and "Conditions of use" not in body
    assert RATIONALE not in body
    page = client.get(links.status_path(application)).content.decode()
    assert "1. Title 1</a>" in page and "Unacceptable risk" in page and RATIONALE not in page


def test_permalinks_stay_on_the_version_used_after_a_newer_one_came_into_force(
        approved, client):
    application = approved("en")
    newer = code_version("2.0", {1: "People first.", 3: "Oversight.", 5: "Green AI."},
                         publish=False)
    version_publish(version=newer, user=None)  # 2.0 in force, 1.0 superseded

    page = client.get(links.status_path(application)).content.decode()
    assert _principle_path("en", 3) in page and "/v/2.0/" not in page
    superseded = client.get("/en/code-of-ethics/v/1.0/")
    assert superseded.status_code == 200
    assert 'id="principle-3"' in superseded.content.decode()


def test_the_letter_is_no_more_than_an_approval_message_without_an_assessment(
        reviewer, committed):
    # Decided before any Code was in force (no assessment): the letter still goes out.
    DecisionTemplateFactory(state="approved")
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    with committed():
        services.application_approve(application=application, reviewer=reviewer,
                                     message="Approved: welcome.")
    body = _letter_to(application)
    assert "Approved: welcome." in body and "principles that mattered" not in body


def test_composing_the_letter_takes_the_same_queries_however_many_principles(
        reviewer, second_reviewer):
    counts = []
    for label, size in (("1.0", 3), ("2.0", 9)):
        version = code_version(label, {n: f"Principle {n}." for n in range(1, size + 1)})
        for principle in version.principles.all():
            translate(principle, "zh-hans", title=f"原则{principle.number}")
        application = application_create(email=f"a{size}@example.org")
        _assess(application, reviewer, second_reviewer,
                risks={n: Risk.HIGH for n in range(1, size + 1)}, condition_on=1)
        decision_letter(application, "zh-hans")  # the site and URLconf, read once per process
        with CaptureQueriesContext(connection) as queries:
            letter = decision_letter(application, "zh-hans")
        assert len(letter.principles) == size and letter.principles[0].title == "原则1"
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
