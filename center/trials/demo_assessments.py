"""Two assessed demo applications, so staff see the ethics review at work: a hospital's
triage pilot, approved with conditions after a second reviewer concurred with its high
rating on human oversight; and a city's smart-camera pilot, rated and waiting for a second
reviewer. Both are judged against the demo Code in force (center/ethics/demo.py, version 1.1,
which has principle 10, "Human oversight"), through the same services reviewers use, so the
timelines read as real ones. Demo mode only: the reviewers are demo accounts with published
passwords. Found again by the applicant's address and never changed."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from center.core.demo.users import demo_user_get_or_create
from center.ethics.models import CodeVersion

from . import selectors, services
from .models import Assessment, PrincipleRating, PrivacyNotice, Product, Risk, TrialApplication

# A second reviewer for the four-eyes rule; demo mode only, like admin / admin.
SECOND_REVIEWER_USERNAME = "reviewer"
SECOND_REVIEWER_PASSWORD = "reviewer"

NO_CONCERN = "No particular concern for this use."

TRIAGE = {
    "applicant": dict(
        name="陈静", email="triage-pilot@example.org", organisation="浦江社区医院",
        job_title="医务处主任", country="China", sector="healthcare", expected_scale="team",
        language="zh-hans", phone="",
        intended_use=(
            "我院急诊科希望试用AI医疗产品，对候诊患者的主诉和生命体征进行初步分诊，提示护士优先"
            "处理可能危重的患者。试用为期三个月，覆盖约600名患者；所有数据保存在医院内部服务器。"),
    ),
    "product": "ai-healthcare",
    # principle number: (risk, internal rationale)
    "ratings": {
        6: (Risk.MEDIUM, "Patient records are processed; they stay on the hospital's servers "
                         "and are de-identified before any evaluation."),
        7: (Risk.LOW, "Shorter waits for the most urgent patients; no group is left out."),
        9: (Risk.MEDIUM, "Accuracy for patients over 75 is not reported separately yet; the "
                         "pilot report must show it."),
        10: (Risk.HIGH, "A triage suggestion followed unchecked could delay care for a "
                        "patient in danger: acceptable only if a clinician confirms each one."),
    },
    # (principle number, condition in the applicant's language)
    "conditions": [
        (10, "每一条分诊建议在用于患者之前，均由临床医生复核确认。"),
        (6, "患者数据仅保存在医院内部服务器，不得用于训练或改进模型。"),
    ],
    "decision": "approved",
    # A review as it happens: taken up two days after it came in, decided a week later.
    "days_ago": {"submitted": 16, "assessed": 14, "decided": 7},
}

CAMERAS = {
    "applicant": dict(
        name="Daniel Okafor", email="camera-pilot@example.org",
        organisation="Eastport City Management Bureau", job_title="Head of Smart City Projects",
        country="Singapore", sector="government", expected_scale="large", language="en",
        phone="",
        intended_use=(
            "Cameras at 40 crossroads of the old town would count pedestrians and cyclists and "
            "detect falls, so that the city can adjust traffic lights and send help faster. "
            "The pilot would run for six months."),
    ),
    "product": "ai-smart-city",
    "ratings": {
        1: (Risk.MEDIUM, "Residents have not been consulted yet; the bureau offers public "
                         "meetings before the start."),
        6: (Risk.HIGH, "Cameras in public space capture faces and number plates of people "
                       "who never agreed to it; only on-device blurring makes this bearable."),
        10: (Risk.MEDIUM, "Fall alerts go to an operator who decides whether to send help."),
        11: (Risk.LOW, "Edge processing; modest energy use."),
    },
    "conditions": [
        (6, "Faces and number plates are blurred on the camera itself, and no footage is kept "
            "for longer than 72 hours."),
        (1, "Residents are told where the cameras are, by a sign at each crossroads, before "
            "the pilot starts."),
    ],
    "decision": None,  # waiting for a second reviewer
    # Past the service level by now: the review queue lists it as overdue.
    "days_ago": {"submitted": 12, "assessed": 9},
}

DEMO_APPLICATIONS = [TRIAGE, CAMERAS]


def _second_reviewer():
    user, created = get_user_model().objects.get_or_create(
        username=SECOND_REVIEWER_USERNAME,
        defaults={"is_staff": True, "email": "reviewer@localhost",
                  "first_name": "Demo", "last_name": "Reviewer"})
    if created:
        user.set_password(SECOND_REVIEWER_PASSWORD)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get_or_create(name=selectors.REVIEWERS_GROUP)[0])
    return user


def _assess(spec: dict, version: CodeVersion, first, second) -> TrialApplication:
    application, _created = services.application_submit(
        **spec["applicant"], products=[Product.objects.get(slug=spec["product"])],
        privacy_notice=PrivacyNotice.objects.in_force().first(),
        ip="192.0.2.10", user_agent="demo content")
    services.application_start_review(application=application, reviewer=first)
    assessment = application.assessment
    principles = {p.number: p for p in version.principles.all()}
    services.assessment_rate(assessment=assessment, reviewer=first, ratings={
        principle.pk: spec["ratings"].get(number, (Risk.NONE, NO_CONCERN))
        for number, principle in principles.items()})
    for number, text in spec["conditions"]:
        services.condition_add(assessment=assessment, reviewer=first,
                               principle=principles[number], text=text)
    if spec["decision"] == "approved":
        services.assessment_concur(assessment=assessment, reviewer=second)
        services.application_approve(
            application=application, reviewer=first,
            message=selectors.decision_message(state="approved",
                                               language=application.language))
    _backdate(application, spec["days_ago"])
    return application


def _backdate(application: TrialApplication, days_ago: dict) -> None:
    """Spreads the demo's review over days, as a real one is (it was all done just now):
    the submission, the assessment's steps and the decision each on their own day."""
    now = timezone.now()
    submitted = now - timedelta(days=days_ago["submitted"])
    assessed = now - timedelta(days=days_ago["assessed"])
    decided = now - timedelta(days=days_ago["decided"]) if "decided" in days_ago else None
    application.submitted_at = application.consented_at = submitted
    application.decided_at = decided if application.decided_at else None
    application.save(update_fields=["submitted_at", "consented_at", "decided_at"])
    events = application.events.order_by("created_at", "pk")
    events.filter(to_state=TrialApplication.State.SUBMITTED).update(created_at=submitted)
    events.exclude(to_state=TrialApplication.State.SUBMITTED).update(created_at=assessed)
    Assessment.objects.filter(application=application).update(opened_at=assessed)
    PrincipleRating.objects.filter(assessment__application=application).update(rated_at=assessed)
    if decided:
        events.filter(to_state=TrialApplication.State.APPROVED).update(created_at=decided)
        events.filter(internal_note__startswith="Second reviewer").update(
            created_at=decided - timedelta(hours=3))
        Assessment.objects.filter(application=application).update(
            concurred_at=decided - timedelta(hours=3))


def load_assessed_applications() -> list[str]:
    """The demo applications created now (none when present, or outside demo mode, or
    while the demo Code 1.1 is not the one in force)."""
    version = CodeVersion.objects.in_force().first()
    needed = {n for spec in DEMO_APPLICATIONS for n in spec["ratings"]}
    if not settings.DEMO_MODE or version is None or not needed <= set(
            version.principles.values_list("number", flat=True)):
        return []
    first, _created = demo_user_get_or_create()
    second = _second_reviewer()
    created = []
    for spec in DEMO_APPLICATIONS:
        email = spec["applicant"]["email"]
        if TrialApplication.objects.filter(email=email).exists():
            continue
        with transaction.atomic():
            application = _assess(spec, version, first, second)
        created.append(f"assessed application {application.reference}")
    return created
