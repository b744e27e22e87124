from center.trials.demo import load_demo_content
from center.trials.models import DecisionTemplate, PrivacyNotice, Product
from center.trials.selectors import current_privacy_notice


def test_demo_content_is_created_once(db):
    assert load_demo_content().startswith("Demo trials: created 7")
    assert load_demo_content() == "Demo trial products and texts already present: nothing to do."
    names = [p.safe_translation_getter("name", language_code="zh-hans")
             for p in Product.objects.all()]
    assert names == ["AI医疗", "AI教育", "AI智慧城市"]
    assert current_privacy_notice() == PrivacyNotice.objects.get(version="2026-01")
    assert DecisionTemplate.objects.count() == 3


def test_demo_has_two_assessed_applications_once(demo_pages):
    from django.contrib.auth import get_user_model

    from center.ethics.demo import load_demo_content as load_demo_code
    from center.trials.letters import decision_letter
    from center.trials.models import AuditEvent, TrialApplication

    load_demo_code()  # the Code first, as load_demo orders it: 1.1 in force
    summary = load_demo_content()
    assert summary.count("assessed application TR-") == 2

    triage = TrialApplication.objects.get(email="triage-pilot@example.org")
    assert triage.state == "approved" and triage.language == "zh-hans"
    assessment = triage.assessment
    assert assessment.code_version.label == "1.1" and assessment.is_complete
    assert assessment.concurred_by.username == "reviewer"
    assert assessment.concurred_by != assessment.opened_by
    letter = decision_letter(triage, "zh-hans")
    cited = {p.number: p for p in letter.principles}
    assert cited[10].title == "人的监督" and cited[10].risk == "high"
    assert cited[10].permalink.endswith("/zh-hans/code-of-ethics/v/1.1/#principle-10")
    assert [(c.principle.number, c.text[:6]) for c in letter.conditions] == [
        (10, "每一条分诊建议"[:6]), (6, "患者数据仅保存"[:6])]

    cameras = TrialApplication.objects.get(email="camera-pilot@example.org")
    assert cameras.state == "in_review"
    assert cameras.assessment.is_complete and cameras.assessment.needs_second_reviewer
    assert not cameras.assessment.is_concurred
    assert cameras.assessment.approval_blockers()  # approval waits for four eyes
    # The reviewers' steps are on the timelines, as if they had used the admin.
    assert AuditEvent.objects.filter(application=cameras, is_public=False).count() >= 3
    # The second demo reviewer logs in with the published demo password.
    second = get_user_model().objects.get(username="reviewer")
    assert second.check_password("reviewer") and second.is_staff

    counts = (TrialApplication.objects.count(), AuditEvent.objects.count())
    assert load_demo_content() == "Demo trial products and texts already present: nothing to do."
    assert (TrialApplication.objects.count(), AuditEvent.objects.count()) == counts


def test_without_a_code_in_force_the_demo_has_no_assessed_applications(db):
    from center.trials.models import TrialApplication

    load_demo_content()
    assert not TrialApplication.objects.exists()
