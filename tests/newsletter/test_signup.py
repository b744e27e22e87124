import re

import pytest

from center.newsletter.models import ConsentRecord, Subscriber

from .factories import SubscriberFactory

pytestmark = pytest.mark.usefixtures("newsletter_page")


def _link(message, pattern=r"https?://\S+/confirm/\S+/"):
    return re.search(pattern, message.body).group(0)


def test_the_footer_posts_the_address_which_only_fills_in_the_form(client, mailoutbox):
    # The footer is on cached pages: no CSRF token, and the address never in a URL.
    footer = client.get("/en/about-us/").content.decode()
    form = re.search(r'<form class="signup" method="post" action="/en/newsletter/">.*?</form>',
                     footer, re.S).group(0)
    assert "csrfmiddlewaretoken" not in form and 'name="from_footer"' in form
    assert "One more step" in form

    response = client.post("/en/newsletter/", {"email": "ann@example.org", "from_footer": "1"},
                           HTTP_REFERER="http://testserver/en/about-us/")
    html = response.content.decode()
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    assert 'value="ann@example.org"' in html
    assert "One more step: choose your language and topics" in html
    assert "Privacy notice" in html and 'aria-describedby="newsletter-privacy"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert not Subscriber.objects.exists() and not mailoutbox


def test_a_footer_post_stores_nothing_even_with_every_field_filled(client, signup_data,
                                                                   mailoutbox):
    response = client.post("/en/newsletter/", {**signup_data, "from_footer": "1"})
    assert response.status_code == 200 and "One more step" in response.content.decode()
    assert not Subscriber.objects.exists() and not mailoutbox


def test_the_real_sign_up_still_needs_its_csrf_token(signup_data, mailoutbox):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    assert browser.post("/en/newsletter/", signup_data).status_code == 403
    assert not Subscriber.objects.exists() and not mailoutbox
    # The footer's token-less POST is let through: it only fills in the form.
    page = browser.post("/en/newsletter/", {"email": "ann@example.org", "from_footer": "1"})
    assert page.status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"',
                      page.content.decode()).group(1)
    assert browser.post("/en/newsletter/", {**signup_data, "csrfmiddlewaretoken": token},
                        REMOTE_ADDR="198.51.100.8").status_code == 302
    assert Subscriber.objects.get().email == "ann@example.org"


def test_the_address_in_a_url_is_not_put_in_the_form(client):
    html = client.get("/en/newsletter/", {"email": "ann@example.org"}).content.decode()
    assert "ann@example.org" not in html


def test_signing_up_stores_a_pending_subscriber_with_consent_and_emails_a_link(
        subscribe, mailoutbox, settings):
    response = subscribe()

    assert response.status_code == 302 and response["Location"].endswith("/newsletter/thanks/")
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "pending" and subscriber.topics == ["news", "events"]
    consent = subscriber.consents.get()
    assert consent.privacy_version == settings.NEWSLETTER_PRIVACY_VERSION
    assert (consent.ip_address, consent.user_agent, consent.source) == (
        "198.51.100.7", "Mozilla/5.0 test", "/en/about-us/")
    (message,) = mailoutbox
    assert message.to == ["ann@example.org"]
    assert "/en/newsletter/confirm/" in _link(message)


def test_following_the_link_confirms_once_and_a_replay_changes_nothing(subscribe, client,
                                                                       mailoutbox):
    subscribe()
    path = "/" + _link(mailoutbox[0]).split("/", 3)[3]

    response = client.get(path)
    assert response.status_code == 200 and "You are subscribed" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == "confirmed"
    assert subscriber.consents.get().confirmed_at == subscriber.confirmed_at

    replay = client.get(path)
    assert replay.status_code == 200 and "Already confirmed" in replay.content.decode()
    assert Subscriber.objects.get().confirmed_at == subscriber.confirmed_at


def test_a_chinese_sign_up_gets_a_chinese_email_and_page(subscribe, client, mailoutbox):
    subscribe(path="/zh-hans/newsletter/", language="zh-hans")
    (message,) = mailoutbox
    assert message.subject == "请确认订阅新闻通讯"
    link = _link(message)
    assert "/zh-hans/newsletter/confirm/" in link
    html = client.get("/" + link.split("/", 3)[3]).content.decode()
    assert "订阅成功" in html


def test_the_reply_is_the_same_for_a_new_and_an_existing_address(subscribe, mailoutbox):
    SubscriberFactory(email="Ann@Example.org")  # confirmed already, other letter case

    response = subscribe(email="ann@example.org")

    assert response.status_code == 302 and response["Location"].endswith("/thanks/")
    assert mailoutbox == []  # a confirmed address gets nothing new
    assert Subscriber.objects.count() == 1 and ConsentRecord.objects.count() == 0


@pytest.mark.parametrize("status", ["pending", "unsubscribed"])
def test_a_pending_or_unsubscribed_address_gets_a_fresh_link(subscribe, mailoutbox, client,
                                                             status):
    subscribe()
    first = "/" + _link(mailoutbox[0]).split("/", 3)[3]
    Subscriber.objects.update(status=status)

    subscribe(email="ANN@example.org")

    assert Subscriber.objects.get().status == "pending" and len(mailoutbox) == 2
    # The older link was replaced by the newer one: it no longer confirms.
    assert client.get(first).status_code == 400
    assert client.get("/" + _link(mailoutbox[1]).split("/", 3)[3]).status_code == 200


@pytest.mark.parametrize("overrides, field, message", [
    ({"email": "not-an-address"}, "email", "Enter an email address"),
    ({"email": "a" * 250 + "@example.org"}, "email", "at most 254 characters"),
    ({"email": ""}, "email", "This field is required"),
    ({"consent": ""}, "consent", "agree to the privacy notice"),
    ({"topics": ["news", "lottery"]}, "topics", "lottery is not one of the available"),
    ({"topics": []}, "topics", "Choose at least one topic"),
    ({"language": "fr"}, "language", "fr is not one of the available"),
])
def test_bad_input_is_explained_beside_its_field_and_nothing_is_stored(
        subscribe, mailoutbox, overrides, field, message):
    response = subscribe(**overrides)

    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert f'id="id_{field}-error"' in html  # next to the field, linked by aria-describedby
    assert f'href="#id_{field}"' in html  # and in the summary at the top
    assert Subscriber.objects.count() == 0 and mailoutbox == []


def test_a_chinese_visitor_reads_errors_in_chinese(subscribe):
    html = subscribe(path="/zh-hans/newsletter/", consent="").content.decode()
    assert "请勾选" in html


def test_a_filled_honeypot_gets_the_same_reply_but_nothing_is_stored(subscribe, mailoutbox):
    response = subscribe(website="http://spam.example")
    assert response.status_code == 302
    assert Subscriber.objects.count() == 0 and mailoutbox == []


def test_over_the_rate_limit_the_visitor_gets_a_429_page_and_nothing_happens(
        subscribe, mailoutbox, settings):
    settings.NEWSLETTER_SIGNUPS_PER_IP = 2
    subscribe(email="one@example.org")
    subscribe(email="two@example.org")

    response = subscribe(email="three@example.org")

    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode()
    assert not Subscriber.objects.filter(email="three@example.org").exists()
    assert len(mailoutbox) == 2
    assert subscribe(email="three@example.org", ip="203.0.113.9").status_code == 302


@pytest.mark.parametrize("token", ["garbage", "MQ:1tAmpered:signature", "x" * 300])
def test_forged_confirmation_links_get_a_clear_400(client, token):
    response = client.get(f"/en/newsletter/confirm/{token}/")
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()


def test_an_expired_link_does_not_confirm(subscribe, client, mailoutbox, settings):
    subscribe()
    settings.NEWSLETTER_CONFIRM_MAX_AGE_SECONDS = -1
    response = client.get("/" + _link(mailoutbox[0]).split("/", 3)[3])
    assert response.status_code == 400
    assert Subscriber.objects.get().status == "pending"


def test_a_link_used_after_unsubscribing_does_not_subscribe_again(subscribe, client,
                                                                   mailoutbox):
    subscribe()
    subscriber = Subscriber.objects.get()
    client.post(f"/en/newsletter/unsubscribe/{subscriber.token}/")

    response = client.get("/" + _link(mailoutbox[0]).split("/", 3)[3])

    assert response.status_code == 400
    assert Subscriber.objects.get().status == "unsubscribed"


def test_public_pages_set_no_cookies_but_the_form_page_may(client):
    assert not client.get("/en/").cookies
    assert not client.get("/en/newsletter/thanks/").cookies


def test_the_confirmation_email_repeats_nothing_the_visitor_typed(subscribe, mailoutbox):
    # The address is not verified yet: the email must not carry a stranger's wording.
    subscribe(email="claim-your-prize@example.org",
              source="/en/?Click http://evil.example to claim your prize")

    (message,) = mailoutbox
    everything = "\n".join([message.subject, message.body]
                           + [content for content, _mime in message.alternatives])
    for bait in ("evil.example", "prize", "Click"):
        assert bait not in everything, bait
    assert "/newsletter/confirm/" in everything
