from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from django.test import Client
from django.utils import timezone

from center.newsletter import services
from center.newsletter.models import Campaign, ConsentRecord, Delivery, Subscriber
from center.newsletter.sending import campaign_send_batch
from tests.mail_sink import _free_port

from .factories import CampaignFactory, DeliveryFactory, SubscriberFactory

pytestmark = pytest.mark.usefixtures("newsletter_page")


def test_a_campaign_reaches_exactly_the_confirmed_subscribers_it_matches(send_now, mailoutbox):
    SubscriberFactory(email="news@example.org", topics=["news"])
    SubscriberFactory(email="both@example.org", topics=["events", "whitepapers"])
    SubscriberFactory(email="papers@example.org", topics=["whitepapers"])
    SubscriberFactory(email="chinese@example.org", language="zh-hans")
    SubscriberFactory(email="pending@example.org", pending=True)
    SubscriberFactory(email="gone@example.org", unsubscribed=True)

    campaign = send_now(CampaignFactory(topics=["news", "events"]))

    assert sorted(m.to[0] for m in mailoutbox) == ["both@example.org", "news@example.org"]
    assert campaign.status == Campaign.Status.SENT and campaign.finished_at
    assert set(campaign.deliveries.values_list("status", flat=True)) == {"sent"}


def test_every_message_carries_one_click_unsubscribe_and_its_recorded_message_id(
        send_now, mailoutbox, settings):
    subscriber = SubscriberFactory()
    campaign = send_now(CampaignFactory(preheader="Spring issue"))

    (message,) = mailoutbox
    headers = message.message()
    url = (f"{settings.META_SITE_PROTOCOL}://127.0.0.1:8000"
           f"/en/newsletter/unsubscribe/{subscriber.token}/")
    assert headers["List-Unsubscribe"] == f"<{url}>"
    assert headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert headers["Message-ID"] == campaign.deliveries.get().message_id
    html = message.alternatives[0][0]
    assert "Spring issue" in html and "View in browser" in html
    assert "Read the paper <https://example.org/paper>" in message.body  # the text part
    assert url in message.body


def test_one_click_post_unsubscribes_without_cookies_or_csrf(send_now, mailoutbox):
    subscriber = SubscriberFactory()
    robot = Client(enforce_csrf_checks=True)

    response = robot.post(f"/en/newsletter/unsubscribe/{subscriber.token}/",
                          "List-Unsubscribe=One-Click",
                          content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200 and not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == "unsubscribed"
    assert subscriber.consents.get().action == ConsentRecord.Action.UNSUBSCRIBE
    send_now(CampaignFactory())
    assert mailoutbox == []


def test_a_get_of_the_unsubscribe_link_only_shows_a_button(client):
    subscriber = SubscriberFactory()
    response = client.get(f"/en/newsletter/unsubscribe/{subscriber.token}/")
    assert response.status_code == 200 and "<button" in response.content.decode()
    assert not response.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == "confirmed"


def test_unknown_personal_links_are_a_404(client):
    assert client.get("/en/newsletter/unsubscribe/nobody/").status_code == 404
    assert client.post("/en/newsletter/unsubscribe/nobody/").status_code == 404
    assert client.get("/en/newsletter/preferences/nobody/").status_code == 404


def test_the_preferences_page_changes_topics_and_language_and_records_it(client):
    subscriber = SubscriberFactory(topics=["news"])
    url = f"/en/newsletter/preferences/{subscriber.token}/"

    bad = client.post(url, {"language": "en", "topics": ["spam"]})
    assert bad.status_code == 400 and "spam is not one of the available" in bad.content.decode()
    response = client.post(url, {"language": "zh-hans", "topics": ["events", "whitepapers"]})

    assert response.status_code == 200 and "Your choices are saved" in response.content.decode()
    subscriber.refresh_from_db()
    assert (subscriber.language, subscriber.topics) == ("zh-hans", ["events", "whitepapers"])
    assert subscriber.consents.get().action == "preferences"


def test_a_subscriber_who_unsubscribes_mid_campaign_gets_nothing_more(mailoutbox):
    campaign = CampaignFactory(status=Campaign.Status.SENDING,
                               recipients_frozen_at=timezone.now())
    leaving = DeliveryFactory(campaign=campaign).subscriber
    staying = DeliveryFactory(campaign=campaign).subscriber

    services.subscriber_unsubscribe(subscriber=leaving)
    campaign_send_batch(campaign_id=campaign.pk)

    assert [m.to[0] for m in mailoutbox] == [staying.email]
    assert campaign.deliveries.get(subscriber=leaving).status == Delivery.Status.SKIPPED


def test_after_a_crash_rows_are_resent_with_their_message_id_and_sent_rows_never(mailoutbox):
    campaign = CampaignFactory(status=Campaign.Status.SENDING,
                               recipients_frozen_at=timezone.now())
    # A killed worker: one row sent and marked, one sent but not yet marked (its claim ran
    # out), one claimed by a live worker whose claim still holds.
    DeliveryFactory(campaign=campaign, status=Delivery.Status.SENT, sent_at=timezone.now())
    orphan = DeliveryFactory(campaign=campaign,
                             claimed_until=timezone.now() - timedelta(seconds=1))
    DeliveryFactory(campaign=campaign, claimed_until=timezone.now() + timedelta(minutes=1))

    result = campaign_send_batch(campaign_id=campaign.pk)

    (message,) = mailoutbox
    assert message.to == [orphan.subscriber.email]
    assert message.extra_headers["Message-ID"] == orphan.message_id
    assert result.sent == 1 and 50 < result.again_in <= 61  # waits for the live claim


def test_the_sweep_starts_due_campaigns_and_resumes_stalled_ones(
        mailoutbox, django_capture_on_commit_callbacks, settings):
    SubscriberFactory(email="reader@example.org")
    due = CampaignFactory(status=Campaign.Status.SCHEDULED,
                          scheduled_at=timezone.now() - timedelta(seconds=5))
    later = CampaignFactory(status=Campaign.Status.SCHEDULED,
                            scheduled_at=timezone.now() + timedelta(hours=1))
    stalled = CampaignFactory(status=Campaign.Status.SENDING, recipients_frozen_at=timezone.now(),
                              last_progress_at=timezone.now() - timedelta(minutes=10))
    DeliveryFactory(campaign=stalled, subscriber__email="waiting@example.org",
                    subscriber__language="zh-hans")  # not one of `due`'s readers

    with django_capture_on_commit_callbacks(execute=True):
        report = services.newsletter_sweep()

    assert report["started"] == 1 and report["resumed"] == 1
    for campaign in (due, later, stalled):
        campaign.refresh_from_db()
    assert (due.status, later.status, stalled.status) == ("sent", "scheduled", "sent")
    assert sorted(m.to[0] for m in mailoutbox) == ["reader@example.org", "waiting@example.org"]


def test_the_sweep_resends_a_confirmation_whose_task_never_ran(mailoutbox):
    subscriber = SubscriberFactory(pending=True)
    ConsentRecord.objects.create(subscriber=subscriber, action="subscribe",
                                 created_at=timezone.now() - timedelta(minutes=5))

    assert services.newsletter_sweep()["confirmations"] == 1
    assert [m.to[0] for m in mailoutbox] == [subscriber.email]
    assert services.newsletter_sweep()["confirmations"] == 0


def test_pacing_keeps_to_the_configured_rate(settings, mailoutbox):
    settings.NEWSLETTER_SEND_RATE, settings.NEWSLETTER_PARALLEL_BATCHES = 40, 1
    campaign = CampaignFactory(status=Campaign.Status.SENDING, recipients_frozen_at=timezone.now())
    for _ in range(9):
        DeliveryFactory(campaign=campaign)
    started = timezone.now()
    campaign_send_batch(campaign_id=campaign.pk)
    assert len(mailoutbox) == 9
    assert (timezone.now() - started).total_seconds() >= 8 / 40


class _PickySmtp:
    """An SMTP server that refuses some recipients, for good or for now."""

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("nobody"):
            return "550 5.1.1 No such user"
        if address.startswith("busy"):
            return "451 4.3.0 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        return "250 Message accepted"


@pytest.fixture
def picky_smtp(settings):
    controller = Controller(_PickySmtp(), hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    yield
    controller.stop()


def test_permanent_refusals_fail_with_the_reason_and_temporary_ones_wait(picky_smtp):
    campaign = CampaignFactory(status=Campaign.Status.SENDING,
                               recipients_frozen_at=timezone.now())
    ok = DeliveryFactory(campaign=campaign, subscriber__email="ann@example.org")
    gone = DeliveryFactory(campaign=campaign, subscriber__email="nobody@example.org")
    busy = DeliveryFactory(campaign=campaign, subscriber__email="busy@example.org")
    after = DeliveryFactory(campaign=campaign, subscriber__email="zoe@example.org")

    result = campaign_send_batch(campaign_id=campaign.pk)

    for row in (ok, gone, busy, after):
        row.refresh_from_db()
    assert ok.status == "sent"
    assert gone.status == "failed" and "No such user" in gone.error
    assert busy.status == "pending" and busy.attempts == 1 and "Try again later" in busy.error
    assert busy.claimed_until > timezone.now()  # backs off before trying again
    assert after.status == "pending" and after.claimed_until is None  # handed back
    assert result.again_in >= 10
    campaign.refresh_from_db()
    assert campaign.status == "sending"


def test_a_recipient_that_keeps_failing_for_now_is_given_up_after_max_attempts(
        picky_smtp, settings):
    settings.NEWSLETTER_MAX_ATTEMPTS = 2
    campaign = CampaignFactory(status=Campaign.Status.SENDING,
                               recipients_frozen_at=timezone.now())
    busy = DeliveryFactory(campaign=campaign, subscriber__email="busy@example.org", attempts=1)
    campaign_send_batch(campaign_id=campaign.pk)
    busy.refresh_from_db()
    assert busy.status == "failed" and busy.attempts == 2
    campaign_send_batch(campaign_id=campaign.pk)  # the follow-up task finds nothing left
    campaign.refresh_from_db()
    assert campaign.status == "sent"


def test_a_cancelled_campaign_sends_no_more(mailoutbox):
    campaign = CampaignFactory(status=Campaign.Status.SENDING, recipients_frozen_at=timezone.now())
    DeliveryFactory(campaign=campaign)
    services.campaign_cancel(campaign=campaign)
    campaign_send_batch(campaign_id=campaign.pk)
    assert mailoutbox == [] and Subscriber.objects.count() == 1


def test_view_in_browser_shows_sent_campaigns_only(client, send_now):
    SubscriberFactory()
    draft = CampaignFactory(body_html="<p>Draft text</p>")
    sent = send_now(CampaignFactory(body_html='<p>Hello</p><script>alert(1)</script>'))

    assert client.get(draft.get_absolute_url()).status_code == 404
    response = client.get(sent.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200 and "Hello" in html and "alert(1)" not in html


def test_over_smtp_each_copy_carries_its_own_address_token_and_message_id(smtp_sink, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", smtp_sink.port
    long_paragraph = "Ethics and law of AI, " * 80  # one line longer than SMTP allows
    campaign = CampaignFactory(status=Campaign.Status.SENDING, recipients_frozen_at=timezone.now(),
                               body_html=f"<p>{long_paragraph}</p>")
    rows = [DeliveryFactory(campaign=campaign) for _ in range(3)]

    campaign_send_batch(campaign_id=campaign.pk)

    messages = {m["To"]: m for m in smtp_sink.wait_for(3)}
    for row in rows:
        message = messages[row.subscriber.email]
        assert message["Message-ID"] == row.message_id
        assert message["List-Unsubscribe"].endswith(f"/unsubscribe/{row.subscriber.token}/>")
        html = message.get_body(("html",)).get_content()
        text = message.get_body(("plain",)).get_content()
        assert f"/preferences/{row.subscriber.token}/" in html
        assert f"/unsubscribe/{row.subscriber.token}/" in text
        assert " ".join(html.split()).count("Ethics and law of AI,") == 80
