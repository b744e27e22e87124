"""A campaign is never stuck "sending": a subject or preheader with a control character is
refused by the form, and whatever stops sending before the first message goes out (a
campaign stored before that check, a failure in the worker, a dead broker) puts it back in
draft with the reason, shown to staff."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from center.newsletter import services
from center.newsletter.models import Campaign
from tests.trials.brokers import DEAD_BROKER, broker_at

from .factories import CampaignFactory, SubscriberFactory

pytestmark = pytest.mark.usefixtures("newsletter_page")

ADD = "/en/admin/newsletter/campaign/add/"
SINGLE_LINE = "Use a single line of text, without line breaks, tabs or other control characters."
CONTROL = "The subject or preheader contains a line break"


@pytest.fixture
def manager_client(client, django_user_model):
    user = django_user_model.objects.create_user("mei", "mei@example.org", "secret",
                                                 is_staff=True)
    user.groups.add(Group.objects.get(name="Newsletter managers"))
    client.force_login(user)
    return client


def _campaign_form(**overrides) -> dict:
    return {"subject": "Spring news", "preheader": "", "language": "en", "topics": ["news"],
            "body_html": "<p>Hello readers.</p>", **overrides}


def _stored_with(subject: str, **fields) -> Campaign:
    # As saved before the subject was checked: straight into the table.
    campaign = CampaignFactory(**fields)
    Campaign.objects.filter(pk=campaign.pk).update(subject=subject)
    campaign.refresh_from_db()
    return campaign


@pytest.mark.parametrize("field,value", [
    ("subject", "Spring news\r\nBcc: everyone@example.org"),
    ("subject", "Spring\nnews"),
    ("subject", "Spring\tnews"),
    ("subject", "Spring\u2028news"),
    ("preheader", "First line\nsecond line"),
])
def test_the_form_refuses_a_control_character_beside_the_field(manager_client, field, value):
    response = manager_client.post(ADD, _campaign_form(**{field: value}))
    html = response.content.decode()

    assert response.status_code == 200 and SINGLE_LINE in html
    assert not Campaign.objects.exists()


def test_the_refusal_is_in_chinese_for_chinese_staff(manager_client):
    response = manager_client.post("/zh-hans/admin/newsletter/campaign/add/",
                                   _campaign_form(subject="春季\r\n通讯"))
    assert "请只写一行文字" in response.content.decode()
    assert not Campaign.objects.exists()


def test_a_stored_subject_with_a_line_break_is_not_sent_and_staff_see_why(
        manager_client, mailoutbox, django_capture_on_commit_callbacks):
    SubscriberFactory(email="reader@example.org")
    campaign = _stored_with("Spring\r\nBcc: everyone@example.org")
    base = f"/en/admin/newsletter/campaign/{campaign.pk}"

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(f"{base}/send-now/", {"confirm": "yes"}, follow=True)

    html = response.content.decode()
    assert f"Not sent: {CONTROL}" in html
    assert "The last attempt to send did not start" in html  # on the change page
    campaign.refresh_from_db()
    assert (campaign.status, campaign.start_failure) == ("draft", "control_characters")
    assert not campaign.deliveries.exists() and mailoutbox == []
    listing = manager_client.get("/en/admin/newsletter/campaign/").content.decode()
    assert CONTROL in listing

    # Fixed and sent again: it goes out, and the old reason is gone.
    manager_client.post(f"{base}/change/", _campaign_form(subject="Spring"))
    with django_capture_on_commit_callbacks(execute=True):
        manager_client.post(f"{base}/send-now/", {"confirm": "yes"})
    campaign.refresh_from_db()
    assert (campaign.status, campaign.start_failure) == ("sent", "")
    assert [m.to for m in mailoutbox] == [["reader@example.org"]]


def test_a_scheduled_campaign_that_cannot_be_sent_returns_to_draft_at_its_time(
        mailoutbox, django_capture_on_commit_callbacks):
    SubscriberFactory()
    campaign = _stored_with("Spring\nnews", status=Campaign.Status.SCHEDULED,
                            scheduled_at=timezone.now() - timedelta(seconds=5))

    with django_capture_on_commit_callbacks(execute=True):
        report = services.newsletter_sweep()

    campaign.refresh_from_db()
    assert report["started"] == 0 and mailoutbox == []
    assert (campaign.status, campaign.start_failure) == ("draft", "control_characters")
    # Not retried every minute: the next sweep leaves it alone.
    assert services.newsletter_sweep()["started"] == 0


def test_a_failure_in_the_worker_before_the_first_message_returns_it_to_draft(
        mailoutbox, django_capture_on_commit_callbacks, settings):
    SubscriberFactory()
    SubscriberFactory()
    # A campaign the code before this check let start: the worker's rendering now fails.
    campaign = _stored_with("Spring\r\nnews", status=Campaign.Status.SENDING,
                            started_at=timezone.now() - timedelta(minutes=10),
                            last_progress_at=timezone.now() - timedelta(minutes=10))

    with django_capture_on_commit_callbacks(execute=True):
        report = services.newsletter_sweep()  # restarts it, as it would a stalled one

    campaign.refresh_from_db()
    assert report["resumed"] == 1 and mailoutbox == []
    assert (campaign.status, campaign.start_failure) == ("draft", "worker")
    assert "BadHeaderError" in campaign.start_failure_detail
    assert not campaign.deliveries.exists() and campaign.recipients_frozen_at is None
    assert services.newsletter_sweep()["resumed"] == 0


def test_with_the_broker_down_send_now_returns_it_to_draft_with_the_reason(
        manager_client, mailoutbox, django_capture_on_commit_callbacks):
    SubscriberFactory()
    campaign = CampaignFactory(subject="Spring")
    base = f"/en/admin/newsletter/campaign/{campaign.pk}"

    with broker_at(DEAD_BROKER), django_capture_on_commit_callbacks(execute=True):
        manager_client.post(f"{base}/send-now/", {"confirm": "yes"})

    campaign.refresh_from_db()
    assert (campaign.status, campaign.start_failure) == ("draft", "queue")
    assert campaign.started_at is None and mailoutbox == []
    html = manager_client.get(f"{base}/change/").content.decode()
    assert "The task queue was unavailable, so sending did not start." in html
