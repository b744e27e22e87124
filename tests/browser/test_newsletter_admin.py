"""A newsletter manager sends a campaign from its admin page in Chromium: "Send now" asks
first with the real number of readers, and the page then shows the real progress."""

import pytest
from django.core import mail
from playwright.sync_api import expect

from center.newsletter.models import Campaign, Subscriber
from tests.newsletter.factories import CampaignFactory, SubscriberFactory
from tests.support.users import UserFactory

from .contrast import contrast_ratio

pytestmark = pytest.mark.browser


def _readers():
    for number in range(3):
        SubscriberFactory(email=f"reader{number}@example.org", language="en", topics=["news"])
    SubscriberFactory(email="not-yet@example.org", language="en", topics=["news"],
                      status=Subscriber.Status.PENDING, confirmed_at=None)


def _report(violations):
    return [(v["id"], [node["target"] for node in v["nodes"]]) for v in violations]


def test_send_now_asks_with_the_reader_count_then_shows_the_real_progress(
        live_site, staff_page, axe_violations):
    mail.outbox = []
    _readers()
    campaign = CampaignFactory(subject="Spring research digest", language="en",
                               topics=["news"])
    manager = UserFactory(username="mei", email="mei@center.example",
                          group="Newsletter managers")
    page = staff_page(manager)
    page.goto(f"{live_site}/en/admin/newsletter/campaign/{campaign.pk}/change/")

    cancel = page.get_by_role("button", name="Cancel campaign")
    expect(cancel).to_be_visible()
    assert contrast_ratio(cancel) >= 4.5  # measured: white on #ba2121, 6.3:1
    assert not _report(axe_violations(page, rules=["color-contrast"]))
    # Two third-party widgets fail other rules: the rich-text editor's unlabelled textbox
    # (djangocms-text) and the CMS toolbar's menu roles (django CMS). Everything else is checked.
    assert not _report(axe_violations(page, exclude=[".tiptap", ".cms-toolbar"]))

    page.get_by_role("button", name="Send now").click()
    expect(page.locator(".campaign-confirm__count")).to_have_text(
        "It will reach 3 confirmed readers in English.")  # the pending reader is not counted
    confirm = page.get_by_role("button", name="Yes, send to 3 readers")
    expect(confirm).to_be_visible()
    assert not _report(axe_violations(page))
    campaign.refresh_from_db()
    assert campaign.status == Campaign.Status.DRAFT and not campaign.deliveries.exists()
    assert mail.outbox == []

    confirm.click()
    expect(page.locator(".messagelist")).to_contain_text("Sending started.")
    progress = page.locator("#campaign-progress-text")
    expect(progress.locator("[data-progress=sent]")).to_have_text("3")
    expect(progress.locator("[data-progress=total]")).to_have_text("3")
    expect(page.locator("#campaign-progress-bar")).to_have_attribute("value", "100")
    assert sorted(m.to[0] for m in mail.outbox) == [f"reader{n}@example.org" for n in range(3)]
