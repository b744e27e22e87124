"""The ethics review end to end, with a real Celery worker and SMTP server: an application
submitted through the public form is assessed against the Code of Ethics in force, approval
waits for a second reviewer because of a high rating, and the applicant's decision letter,
sent once by the worker, cites that principle with a permalink that opens it."""

import time
from urllib.parse import urlsplit

import pytest

from center.celery import app as celery_app
from center.core.links import site_root
from center.ethics.demo import load_demo_content as load_demo_code
from center.ethics.models import CodeVersion
from center.trials import services
from center.trials.models import Risk, TransitionError, TrialApplication
from tests.support.users import UserFactory
from tests.trials.factories import DecisionTemplateFactory, form_data

pytestmark = pytest.mark.integration

APPLY = "/en/apply-for-trial/"
RATIONALE = "Internal note: the vendor could not show how nurses override a suggestion"


@pytest.fixture
def worker_env(smtp_sink):
    return {"TEST_SMTP_PORT": str(smtp_sink.port)}


@pytest.fixture
def review_site(celery_worker_process, demo_pages, settings):
    celery_app.control.purge()  # nothing left by an earlier run may send this test's rows
    settings.TRIALS_RATE_LIMIT_ENABLED = False
    load_demo_code()  # the demo Code: 1.1 in force, with principle 10 "Human oversight"
    return UserFactory(username="rita", email="rita@center.example", group="Reviewers")


def _settle(sink, count: int, quiet: float = 3.0) -> list:
    """Waits for `count` messages, then a little longer to catch any duplicate."""
    sink.wait_for(count, timeout=90)
    time.sleep(quiet)
    return sink.messages


def test_a_high_rating_needs_four_eyes_and_the_letter_links_the_principle(
        review_site, client, smtp_sink):
    rita = review_site
    assert client.post(APPLY, form_data()).status_code == 302
    application = TrialApplication.objects.get()
    assert len(_settle(smtp_sink, 2)) == 2  # confirmation, reviewers' notification

    services.application_start_review(application=application, reviewer=rita)
    assessment = application.assessment
    assert assessment.code_version == CodeVersion.objects.get(label="1.1")
    ratings = list(assessment.ratings.select_related("principle"))
    assert len(ratings) == 11
    services.assessment_rate(assessment=assessment, reviewer=rita, ratings={
        r.principle_id: (Risk.HIGH if r.principle.number == 10 else Risk.LOW, RATIONALE)
        for r in ratings})

    DecisionTemplateFactory(state="approved")
    with pytest.raises(TransitionError, match="second reviewer"):
        services.application_approve(application=application, reviewer=rita,
                                     message="Approved: welcome aboard.")
    application.refresh_from_db()
    assert application.state == "in_review"

    sam = UserFactory(username="sam", email="sam@center.example", group="Reviewers")
    services.assessment_concur(assessment=assessment, reviewer=sam)
    services.application_approve(application=application, reviewer=rita,
                                 message="Approved: welcome aboard.")

    messages = _settle(smtp_sink, 3)
    letters = [m for m in messages if m["To"] == "ada@example.org"
               and "approved" in m["Subject"]]
    assert len(messages) == 3 and len(letters) == 1
    body = letters[0].get_content().replace("\r\n", "\n")  # SMTP ends lines with CRLF
    assert "Approved: welcome aboard." in body
    permalink = f"{site_root()}/en/code-of-ethics/v/1.1/#principle-10"
    assert f"- 10. Human oversight\n  High risk\n  {permalink}" in body
    assert "Credibility" not in body  # rated low: not cited
    assert RATIONALE not in body and "Internal note" not in body

    page = client.get(urlsplit(permalink).path)
    assert page.status_code == 200
    assert 'id="principle-10"' in page.content.decode()
