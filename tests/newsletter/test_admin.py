import json
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from center.newsletter.demo import load_demo_content
from center.newsletter.models import Campaign, ConsentRecord

from .factories import CampaignFactory, DeliveryFactory, SubscriberFactory

pytestmark = pytest.mark.usefixtures("newsletter_page")


@pytest.fixture
def manager(django_user_model):
    user = django_user_model.objects.create_user("mei", "mei@example.org", "secret",
                                                 is_staff=True)
    user.groups.add(Group.objects.get(name="Newsletter managers"))
    return user


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


def test_a_newsletter_manager_can_open_every_newsletter_admin_page(manager_client):
    campaign = CampaignFactory()
    subscriber = SubscriberFactory()
    for url in ("/en/admin/newsletter/campaign/", "/en/admin/newsletter/campaign/add/",
                f"/en/admin/newsletter/campaign/{campaign.pk}/change/",
                "/en/admin/newsletter/subscriber/",
                f"/en/admin/newsletter/subscriber/{subscriber.pk}/change/",
                "/en/admin/newsletter/delivery/"):
        assert manager_client.get(url).status_code == 200, url


def test_the_manager_writes_a_campaign_whose_body_is_sanitised(manager_client):
    response = manager_client.post("/en/admin/newsletter/campaign/add/", {
        "subject": "Spring", "preheader": "", "language": "en", "topics": ["news"],
        "body_html": '<p onclick="x()">Hi <script>evil()</script><a href="javascript:x">x</a></p>',
    })
    assert response.status_code == 302
    campaign = Campaign.objects.get()
    assert "script" not in campaign.body_html and "onclick" not in campaign.body_html
    assert "javascript" not in campaign.body_html and campaign.topics == ["news"]


def test_send_a_test_to_me_then_send_now(manager_client, mailoutbox,
                                         django_capture_on_commit_callbacks):
    SubscriberFactory(email="reader@example.org")
    campaign = CampaignFactory(subject="Spring")
    base = f"/en/admin/newsletter/campaign/{campaign.pk}"

    manager_client.post(f"{base}/send-test/")
    assert [(m.to, m.subject) for m in mailoutbox] == [(["mei@example.org"], "[TEST] Spring")]
    campaign.refresh_from_db()
    assert campaign.status == "draft" and not campaign.deliveries.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = manager_client.post(f"{base}/send-now/", {"confirm": "yes"}, follow=True)
    assert "Sending started" in response.content.decode()
    assert mailoutbox[-1].to == ["reader@example.org"]
    campaign.refresh_from_db()
    assert campaign.status == "sent"
    # Sent: the page is read-only and a second "send now" is refused with a message.
    response = manager_client.post(f"{base}/send-now/", {"confirm": "yes"}, follow=True)
    assert "cannot do that in its current status" in response.content.decode()
    assert len(mailoutbox) == 2


def test_scheduling_needs_a_future_time(manager_client):
    campaign = CampaignFactory()
    url = f"/en/admin/newsletter/campaign/{campaign.pk}/schedule/"

    past = manager_client.post(url, {"scheduled_at": "2020-01-01T10:00"}, follow=True)
    assert "Choose a time in the future" in past.content.decode()
    future = (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
    manager_client.post(url, {"scheduled_at": future})
    campaign.refresh_from_db()
    assert campaign.status == "scheduled" and campaign.scheduled_at > timezone.now()

    manager_client.post(f"/en/admin/newsletter/campaign/{campaign.pk}/cancel/")
    campaign.refresh_from_db()
    assert campaign.status == "cancelled"


def test_progress_is_served_as_json_and_the_list_shows_totals(manager_client):
    campaign = CampaignFactory(status=Campaign.Status.SENDING, started_at=timezone.now())
    DeliveryFactory(campaign=campaign, status="sent", sent_at=timezone.now())
    DeliveryFactory(campaign=campaign, status="failed", error="550 no such user")
    DeliveryFactory(campaign=campaign)
    DeliveryFactory(campaign=campaign)

    data = manager_client.get(f"/en/admin/newsletter/campaign/{campaign.pk}/progress/").json()
    assert {k: data[k] for k in ("total", "sent", "failed", "pending", "percent", "status")} == {
        "total": 4, "sent": 1, "failed": 1, "pending": 2, "percent": 50, "status": "sending"}
    assert data["per_second"] > 0 and data["seconds_left"] > 0
    change_page = manager_client.get(f"/en/admin/newsletter/campaign/{campaign.pk}/change/")
    bar = '<progress id="campaign-progress-bar" max="100" value="50" '
    assert bar in change_page.content.decode()
    listing = manager_client.get("/en/admin/newsletter/campaign/").content.decode()
    assert 'class="field-sent">1<' in listing and 'class="field-pending">2<' in listing


def test_a_subscribers_data_is_exported_for_a_data_subject_request(manager_client):
    subscriber = SubscriberFactory(email="ann@example.org")
    ConsentRecord.objects.create(subscriber=subscriber, action="subscribe",
                                 privacy_version="2026-01", ip_address="198.51.100.7",
                                 user_agent="Firefox", source="/en/", confirmed_at=timezone.now())

    response = manager_client.post("/en/admin/newsletter/subscriber/", {
        "action": "export_data", "_selected_action": [subscriber.pk]})

    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["email"] == "ann@example.org"
    (record,) = data["consent_records"]
    assert record["ip_address"] == "198.51.100.7" and record["privacy_text_version"] == "2026-01"
    assert record["confirmed"] is not None


def test_a_draft_is_built_from_the_latest_published_content(manager_client):
    response = manager_client.post("/en/admin/newsletter/campaign/from-content/",
                                   {"language": "en"})
    campaign = Campaign.objects.get()
    assert response.status_code == 302 and campaign.status == "draft"
    assert campaign.subject.startswith("News from the Center")


def test_the_demo_content_loads_once():
    first = load_demo_content()
    assert "2 draft campaign(s)" in first
    assert load_demo_content() == "Demo newsletter already present: nothing to do."
