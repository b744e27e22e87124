"""A Chinese-speaking visitor subscribes from the footer of any page and confirms from the
emailed link, in a real Chromium; the sign-up page is checked with axe-core."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from center.newsletter.models import Subscriber

pytestmark = pytest.mark.browser


def test_signing_up_in_chinese_from_the_footer_and_confirming(live_site, new_page,
                                                              assert_accessible):
    mail.outbox = []
    page = new_page(locale="zh-CN")
    page.goto(live_site + "/zh-hans/")
    page.locator("#footer-signup-email").fill("duzhe@example.org")
    page.locator(".site-footer form.signup button").click()

    expect(page).to_have_url(re.compile(r"/zh-hans/newsletter/$"))  # the address in no URL
    expect(page.locator("#id_email")).to_have_value("duzhe@example.org")
    expect(page.get_by_role("status")).to_contain_text("还有一步")
    assert not Subscriber.objects.exists()  # the footer's POST only filled in the form
    expect(page.get_by_label("简体中文")).to_be_checked()
    assert_accessible(page)

    page.locator("#main-content").get_by_role(
        "button", name="订阅").click()  # consent not given yet
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("请勾选此框")
    expect(page.get_by_role("checkbox", name=re.compile("我同意"))).to_have_attribute(
        "aria-invalid", "true")
    assert_accessible(page)
    assert not Subscriber.objects.exists()

    page.get_by_role("checkbox", name=re.compile("我同意")).check()
    page.locator("#main-content").get_by_role("button", name="订阅").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("请查收邮件")

    (message,) = mail.outbox
    assert message.subject == "请确认订阅新闻通讯"
    link = re.search(r"https?://\S+/zh-hans/newsletter/confirm/\S+/", message.body).group(0)
    page.goto(live_site + "/" + link.split("/", 3)[3])
    expect(page.get_by_role("heading", level=1)).to_have_text("订阅成功")
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    assert_accessible(page)
    assert Subscriber.objects.get().status == "confirmed"
