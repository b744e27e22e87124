"""The whole newsletter journey across real processes: this test process is the web site,
a real Celery worker on Redis does the sending, and an aiosmtpd server on loopback is
the reader's mail provider."""

import re
import time

import pytest

from center.newsletter.models import Campaign, Subscriber
from center.newsletter.services import campaign_send_now
from center.site.demo.loader import load_demo_pages

pytestmark = pytest.mark.integration


@pytest.fixture
def worker_env(smtp_sink, transactional_db, django_db_serialized_rollback):
    load_demo_pages()  # before the worker starts, so it knows the newsletter's URLs
    return {"TEST_SMTP_PORT": str(smtp_sink.port), "NEWSLETTER_SEND_RATE": "0"}


def _wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def _path(url: str) -> str:
    return "/" + url.split("/", 3)[3]


def test_subscribe_confirm_receive_unsubscribe_in_one_click_then_receive_nothing(
        celery_worker_process, smtp_sink, client):
    client.get("/en/")  # loads the apphook URLs in this process
    response = client.post("/en/newsletter/", {
        "email": "reader@example.org", "language": "en", "topics": ["news"],
        "consent": "on", "website": ""})
    assert response.status_code == 302

    (confirmation,) = smtp_sink.wait_for(1)
    assert confirmation["To"] == "reader@example.org"
    text = confirmation.get_body(("plain",)).get_content()
    link = re.search(r"https?://\S+/newsletter/confirm/\S+/", text).group(0)
    assert "You are subscribed" in client.get(_path(link)).content.decode()
    assert Subscriber.objects.get().status == "confirmed"

    first = Campaign.objects.create(subject="Spring issue", body_html="<p>Hello</p>",
                                    topics=["news"])
    campaign_send_now(campaign=first)
    messages = smtp_sink.wait_for(2)
    issue = messages[1]
    assert issue["Subject"] == "Spring issue"
    assert issue["Message-ID"] == first.deliveries.get().message_id
    assert issue["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = issue["List-Unsubscribe"].strip("<>")
    assert _wait_for(lambda: Campaign.objects.get(pk=first.pk).status == "sent")

    # What a mail provider does when the reader presses "Unsubscribe": a bare POST.
    response = client.post(_path(unsubscribe_url), "List-Unsubscribe=One-Click",
                           content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert Subscriber.objects.get().status == "unsubscribed"

    second = Campaign.objects.create(subject="Summer issue", body_html="<p>Again</p>")
    campaign_send_now(campaign=second)
    assert _wait_for(lambda: Campaign.objects.get(pk=second.pk).status == "sent")
    time.sleep(1)
    assert [m["Subject"] for m in smtp_sink.messages][1:] == ["Spring issue"]
    assert second.deliveries.count() == 0  # the list was frozen without them
    assert celery_worker_process.poll() is None
