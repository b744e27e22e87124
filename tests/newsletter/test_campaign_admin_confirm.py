"""Issue 14, item 10: "Send now" asks first and says how many readers it reaches; "Cancel
campaign" is a readable button; the progress on the campaign's page is the database's."""

import re

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from center.newsletter.models import Campaign, Delivery, Subscriber

from .factories import CampaignFactory, DeliveryFactory, SubscriberFactory

pytestmark = pytest.mark.usefixtures("newsletter_page")


@pytest.fixture
def manager_client(client, django_user_model):
    user = django_user_model.objects.create_user("mei", "mei@example.org", "secret",
                                                 is_staff=True)
    user.groups.add(Group.objects.get(name="Newsletter managers"))
    client.force_login(user)
    return client


def _readers():
    # Three confirmed English readers of "news", one of "events" only, one Chinese reader,
    # one unconfirmed and one unsubscribed English reader of "news".
    for i in range(3):
        SubscriberFactory(email=f"news{i}@example.org", language="en", topics=["news"])
    SubscriberFactory(email="events@example.org", language="en", topics=["events"])
    SubscriberFactory(email="zh@example.org", language="zh-hans", topics=["news"])
    SubscriberFactory(email="pending@example.org", language="en", topics=["news"],
                      status=Subscriber.Status.PENDING)
    SubscriberFactory(email="gone@example.org", language="en", topics=["news"],
                      status=Subscriber.Status.UNSUBSCRIBED)


def test_send_now_asks_first_with_the_reader_count_and_sends_nothing(
        manager_client, mailoutbox, django_capture_on_commit_callbacks):
    _readers()
    campaign = CampaignFactory(language="en", topics=["news"])
    url = f"/en/admin/newsletter/campaign/{campaign.pk}/send-now/"

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        first_post = manager_client.post(url)
        get = manager_client.get(url)
    for response in (first_post, get):
        html = response.content.decode()
        assert response.status_code == 200
        assert "It will reach 3 confirmed readers in English." in html
        assert "Yes, send to 3 readers" in html
        assert 'name="csrfmiddlewaretoken"' in html and 'name="confirm" value="yes"' in html
        assert f'href="/en/admin/newsletter/campaign/{campaign.pk}/change/"' in html  # Cancel
        assert 'id="user-tools"' in html  # the admin's own page frame
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT and campaign.started_at is None
    assert not campaign.deliveries.exists() and mailoutbox == [] and callbacks == []

    with django_capture_on_commit_callbacks(execute=True):
        done = manager_client.post(url, {"confirm": "yes"}, follow=True)
    assert "Sending started" in done.content.decode()
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.SENT
    assert sorted(m.to[0] for m in mailoutbox) == [f"news{i}@example.org" for i in range(3)]


def test_the_confirmation_counts_every_topic_for_a_campaign_without_topics(manager_client):
    _readers()
    campaign = CampaignFactory(language="en", topics=[])
    html = manager_client.get(
        f"/en/admin/newsletter/campaign/{campaign.pk}/send-now/").content.decode()
    assert "It will reach 4 confirmed readers in English." in html


def test_the_confirmation_is_in_chinese_for_chinese_staff(manager_client):
    _readers()
    campaign = CampaignFactory(language="zh-hans", topics=["news"])
    html = manager_client.get(
        f"/zh-hans/admin/newsletter/campaign/{campaign.pk}/send-now/").content.decode()
    assert "确认，发送给 1 位读者" in html


def test_a_sent_campaign_has_no_confirmation_page(manager_client):
    campaign = CampaignFactory(status=Campaign.Status.SENT, started_at=timezone.now())
    response = manager_client.get(
        f"/en/admin/newsletter/campaign/{campaign.pk}/send-now/", follow=True)
    assert "cannot do that in its current status" in response.content.decode()


def test_the_cancel_button_is_present_with_its_label_and_readable_style(manager_client):
    campaign = CampaignFactory()
    html = manager_client.get(
        f"/en/admin/newsletter/campaign/{campaign.pk}/change/").content.decode()
    assert re.search(r'<button type="submit" class="button campaign-cancel-button">'
                     r'Cancel campaign</button>', html)
    assert "deletelink" not in html.split('class="campaign-actions"')[1].split("</div>")[0]


def test_the_progress_on_the_change_page_is_the_databases_and_refreshes_while_sending(
        manager_client):
    campaign = CampaignFactory(status=Campaign.Status.SENDING, started_at=timezone.now(),
                               recipients_frozen_at=timezone.now())
    for _ in range(3):
        DeliveryFactory(campaign=campaign, status="sent", sent_at=timezone.now())
    DeliveryFactory(campaign=campaign, status="failed", error="550 no such user")
    for _ in range(4):
        DeliveryFactory(campaign=campaign)
    counts = {status: Delivery.objects.filter(campaign=campaign, status=status).count()
              for status in ("sent", "failed", "pending")}
    total = Delivery.objects.filter(campaign=campaign).count()

    html = manager_client.get(
        f"/en/admin/newsletter/campaign/{campaign.pk}/change/").content.decode()

    assert '<meta http-equiv="refresh" content="5">' in html
    assert (f'Sent <span data-progress="sent">{counts["sent"]}</span> / '
            f'<span data-progress="total">{total}</span>') in html
    assert f'Failed <span data-progress="failed">{counts["failed"]}</span>' in html
    assert '<progress id="campaign-progress-bar" max="100" value="50" ' \
           'aria-describedby="campaign-progress-text">50%</progress>' in html
    assert "Cancel campaign" in html  # a sending campaign can still be stopped

    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENT)
    html = manager_client.get(
        f"/en/admin/newsletter/campaign/{campaign.pk}/change/").content.decode()
    assert 'http-equiv="refresh"' not in html
