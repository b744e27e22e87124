"""Emails to the applicant go to an address nobody has verified: whatever a stranger types
into the form must not come back in them, or the form would let anyone make the Center send
their wording (a link, a "prize") to any address. Reviewers still get the details."""

import pytest
from django.core import mail

from center.trials import services
from center.trials.models import TrialApplication

from .conftest import APPLY
from .factories import form_data

pytestmark = pytest.mark.usefixtures("trial_page", "offer")

BAIT_NAME = "Click http://evil.example to claim your prize"
BAIT_ORGANISATION = "Prize desk www.evil.example/claim"
BAIT_JOB = "Call +1 555 0100 now"
BAITS = ("evil.example", "prize", "Prize", "claim", "555 0100")


def _everything_in(message) -> str:
    parts = [message.subject, message.body]
    parts += [content for content, _mime in getattr(message, "alternatives", [])]
    return "\n".join(parts)


def _apply(client, committed, path=APPLY):
    with committed():
        response = client.post(path, form_data(name=BAIT_NAME, organisation=BAIT_ORGANISATION,
                                               job_title=BAIT_JOB))
    assert response.status_code == 302
    return TrialApplication.objects.get()


@pytest.mark.parametrize("path", [APPLY, "/zh-hans/apply-for-trial/"])
def test_the_confirmation_repeats_nothing_the_applicant_typed(client, reviewer, committed,
                                                              path):
    application = _apply(client, committed, path)

    (confirmation,) = [m for m in mail.outbox if m.to == ["ada@example.org"]]
    text = _everything_in(confirmation)
    for bait in BAITS:
        assert bait not in text, bait
    # What it does say: fixed wording, the reference and the status link.
    assert application.reference in confirmation.subject and application.reference in text
    assert "/apply-for-trial/status/" in text
    assert ("Hello," in text) if path == APPLY else ("您好" in text)
    # Label and value joined as each language writes it (a full-width colon in Chinese).
    line = "Reference number: " if path == APPLY else "申请编号："
    assert line + application.reference in text


def test_the_reviewers_still_see_who_applied(client, reviewer, committed):
    _apply(client, committed)

    (notification,) = [m for m in mail.outbox if m.to == ["rita@center.example"]]
    assert BAIT_ORGANISATION in notification.subject and BAIT_ORGANISATION in notification.body


def test_decisions_repeat_only_the_reviewers_words(client, reviewer, committed):
    application = _apply(client, committed)
    mail.outbox.clear()

    with committed():
        services.application_start_review(application=application, reviewer=reviewer)
        services.application_request_info(application=application, reviewer=reviewer,
                                          message="Which ward will run the pilot?")
    with committed():
        services.application_answer(application=application,
                                    reply="Ward 7; see http://evil.example/prize for details")
    with committed():
        services.application_approve(application=application, reviewer=reviewer,
                                     message="We are pleased to approve your trial.")

    to_applicant = [m for m in mail.outbox if m.to == ["ada@example.org"]]
    assert len(to_applicant) == 2  # the question, then the decision
    for message in to_applicant:
        text = _everything_in(message)
        for bait in BAITS:
            assert bait not in text, bait
    assert "Which ward" in to_applicant[0].body and "pleased" in to_applicant[1].body
