"""The reviewer's ethics assessment screens in the admin: the summary on the application's
page, the assessment page (rate, conditions, a second reviewer), who may open them, and the
Approve button saying what blocks it."""

import pytest
from django.contrib.auth.models import Permission

from center.trials import services
from center.trials.models import AuditEvent, Risk, TrialApplication
from tests.ethics.factories import translate
from tests.support.users import UserFactory

from .factories import application_create

pytestmark = pytest.mark.usefixtures("trial_page", "code_in_force")

LIST = "/en/admin/trials/trialapplication/"


def _page(application, language="en") -> str:
    return f"/{language}/admin/trials/trialapplication/{application.pk}/assessment/"


@pytest.fixture
def in_review(reviewer):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    return application


def _principles(application) -> dict[int, int]:
    """{principle number: principle id} of the application's assessment."""
    return {r.principle.number: r.principle_id
            for r in application.assessment.ratings.select_related("principle")}


def _rating_post(application, **risks) -> dict:
    data = {"action": "rate"}
    for number, principle_id in _principles(application).items():
        data[f"principle-{principle_id}-risk"] = risks.get(f"p{number}", Risk.LOW)
        data[f"principle-{principle_id}-rationale"] = f"Why principle {number} is fine."
    return data


def _main(response) -> str:
    """The page's own content, without the admin's header (its Log out button)."""
    html = response.content.decode()
    return html[html.index('id="content-main"'):html.index("<!-- END Content -->")]


def _ratings(application) -> dict[int, tuple[str, str]]:
    return {r.principle.number: (r.risk, r.rationale)
            for r in application.assessment.ratings.select_related("principle")}


def test_a_reviewer_rates_every_principle_and_the_timeline_records_it(client, reviewer,
                                                                       in_review):
    client.force_login(reviewer)
    page = client.get(_page(in_review)).content.decode()
    assert "0 of 3 principles rated" in page
    assert "People first." in page and "AI systems are reliable and secure." in page
    assert "internal: never shown to the applicant" in page
    assert "/en/code-of-ethics/v/1.0/" in page  # the version used, linked

    response = client.post(_page(in_review), _rating_post(in_review, p2=Risk.MEDIUM),
                           follow=True)

    html = response.content.decode()
    assert "3 ratings saved." in html and "3 of 3 principles rated" in html
    assert _ratings(in_review)[2] == ("medium", "Why principle 2 is fine.")
    note = in_review.events.filter(actor=reviewer, internal_note__startswith="Rated:").get()
    assert not note.is_public and "Medium" in note.internal_note
    # The change page shows the same at a glance.
    change = client.get(f"{LIST}{in_review.pk}/change/").content.decode()
    assert "3 of 3 principles rated" in change and 'trials-risk--medium">Medium' in change
    assert "Nothing in the assessment blocks approval." in change


def test_a_bad_risk_is_shown_in_the_page_and_saves_nothing(client, reviewer, in_review):
    client.force_login(reviewer)
    response = client.post(_page(in_review), _rating_post(in_review, p1="catastrophic"))
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert {risk for risk, _why in _ratings(in_review).values()} == {""}


def test_a_condition_is_added_under_a_principle_and_removed(client, reviewer, in_review):
    client.force_login(reviewer)
    principle_id = _principles(in_review)[1]
    client.post(_page(in_review), {"action": "condition_add", "condition-principle": principle_id,
                                   "condition-text": "  No use on  minors' data. "})
    (condition,) = in_review.assessment.conditions.all()
    assert condition.text == "No use on minors' data." and condition.principle_id == principle_id
    page = client.get(_page(in_review)).content.decode()
    assert "No use on minors&#x27; data. <span" in page and "Remove" in page

    empty = client.post(_page(in_review), {"action": "condition_add",
                                           "condition-principle": principle_id,
                                           "condition-text": "   "})
    assert empty.status_code == 200 and "This field is required." in empty.content.decode()

    response = client.post(_page(in_review), {"action": "condition_remove",
                                              "condition": condition.pk}, follow=True)
    assert "Condition of use removed." in response.content.decode()
    assert not in_review.assessment.conditions.exists()
    assert in_review.events.filter(internal_note__startswith="Condition of use removed").exists()


def test_a_condition_under_another_versions_principle_is_refused(client, reviewer, in_review):
    from tests.ethics.factories import code_version

    other = code_version("9.9", {7: "Elsewhere."}, publish=False).principles.get()
    client.force_login(reviewer)
    response = client.post(_page(in_review), {"action": "condition_add",
                                              "condition-principle": other.pk,
                                              "condition-text": "Outside the Code used."})
    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not in_review.assessment.conditions.exists()


def test_a_second_reviewer_concurs_and_the_first_is_told_why_not(
        client, reviewer, second_reviewer, in_review):
    client.force_login(reviewer)
    client.post(_page(in_review), _rating_post(in_review, p3=Risk.HIGH))
    page = client.get(_page(in_review)).content.decode()
    assert "Concur as second reviewer" not in page
    assert "A second reviewer must be someone who did not rate this application" in page
    refused = client.post(_page(in_review), {"action": "concur"}, follow=True)
    assert "A second reviewer must be someone" in refused.content.decode()
    assert in_review.assessment.concurred_by is None

    client.force_login(second_reviewer)
    assert "Concur as second reviewer" in client.get(_page(in_review)).content.decode()
    response = client.post(_page(in_review), {"action": "concur"}, follow=True)

    assert "You concurred with this assessment." in response.content.decode()
    assessment = TrialApplication.objects.get(pk=in_review.pk).assessment
    assert assessment.concurred_by == second_reviewer
    assert "concurred by sam" in response.content.decode()


def test_approving_with_an_unrated_principle_says_why_and_changes_nothing(
        client, reviewer, in_review):
    client.force_login(reviewer)
    move = f"{LIST}{in_review.pk}/transition/approved/"
    for response in (client.get(move, follow=True),
                     client.post(move, {"message": "Approved."}, follow=True)):
        assert "Rate every principle of the Code before approving." in response.content.decode()
    in_review.refresh_from_db()
    assert in_review.state == "in_review"
    assert not in_review.events.filter(to_state="approved").exists()


def test_a_decided_applications_assessment_is_read_only(client, reviewer, second_reviewer,
                                                         in_review):
    client.force_login(reviewer)
    client.post(_page(in_review), _rating_post(in_review))
    services.application_approve(application=in_review, reviewer=reviewer, message="Yes.")

    page = _main(client.get(_page(in_review)))
    assert "no longer changes" in page and "Why principle 1 is fine." in page
    assert "<textarea" not in page and 'type="radio"' not in page
    assert 'type="submit"' not in page and "<button" not in page
    response = client.post(_page(in_review), _rating_post(in_review, p1=Risk.HIGH), follow=True)
    assert "no longer changes" in response.content.decode()
    assert _ratings(in_review)[1][0] == "low"


def test_an_application_reviewed_before_assessments_existed_gets_one_opened(client, reviewer):
    application = application_create()
    application.state = TrialApplication.State.IN_REVIEW
    application.save(update_fields=["state"])
    client.force_login(reviewer)
    change = client.get(f"{LIST}{application.pk}/change/").content.decode()
    assert "Open assessment" in change

    response = client.post(_page(application), {"action": "open"}, follow=True)
    assert "0 of 3 principles rated" in response.content.decode()
    assert TrialApplication.objects.get(pk=application.pk).assessment.opened_by == reviewer


@pytest.mark.parametrize(("group", "superuser", "status"), [
    ("Reviewers", False, 200), (None, True, 200), ("Editors", False, 403),
    ("Newsletter managers", False, 403)])
def test_only_reviewers_and_superusers_open_the_assessment(client, in_review, group, superuser,
                                                           status):
    user = UserFactory(username="someone", group=group, is_superuser=superuser)
    # A permission handed out by mistake does not open it: the group decides.
    user.user_permissions.add(*Permission.objects.filter(
        codename__in=["view_trialapplication", "change_trialapplication"]))
    client.force_login(user)
    assert client.get(_page(in_review)).status_code == status
    before = AuditEvent.objects.count()
    assert client.post(_page(in_review), _rating_post(in_review)).status_code == (
        302 if status == 200 else 403)
    if status == 403:
        assert AuditEvent.objects.count() == before


def test_anonymous_visitors_are_sent_to_the_login(client, in_review):
    response = client.get(_page(in_review))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_the_assessment_page_speaks_chinese(client, reviewer, in_review):
    principle = in_review.assessment.ratings.select_related("principle").first().principle
    translate(principle, "zh-hans", title="以人为本", text="人工智能服务于人。")
    client.force_login(reviewer)
    page = client.get(_page(in_review, "zh-hans")).content.decode()
    assert "伦理评估" in page and "以人为本" in page and "人工智能服务于人。" in page
    assert "（内部：绝不向申请人显示）" in page and "已评估 0 项，共 3 项原则" in page
    assert "添加使用条件" in page and "保存" in page
    assert "Title 2" in page  # untranslated principles fall back to English


def test_assessments_are_edited_only_through_the_assessment_page(client, reviewer, in_review):
    client.force_login(reviewer)
    for model in ("assessment", "principlerating", "condition"):
        assert client.get(f"/en/admin/trials/{model}/").status_code == 404
    assert "/assessment/" in client.get(f"{LIST}{in_review.pk}/change/").content.decode()
