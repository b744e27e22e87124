"""Every page but the home page says where it is (a breadcrumb trail), and every page's
footer gives the Center's address, its founding partners and the trust pages."""

import re

import pytest

from center.trials.tokens import status_token
from tests.newsletter.factories import SubscriberFactory
from tests.trials.factories import application_create

BREADCRUMB = re.compile(r'<nav class="breadcrumbs" aria-label="[^"]+">\s*<ol>.*?</ol>', re.S)
FORM_PAGES = [
    "search/", "search/?q=ethics", "search/?q=nothingmatchesthis", "apply-for-trial/",
    "apply-for-trial/thanks/", "apply-for-trial/status/not-a-token/", "newsletter/",
    "newsletter/thanks/", "newsletter/confirm/forged/",
]


def _crumbs(html: str) -> list[str]:
    nav = BREADCRUMB.search(html)
    assert nav, "no breadcrumb trail"
    return [re.sub(r"<[^>]+>", "", item).strip()
            for item in re.findall(r"<li>(.*?)</li>", nav.group(0), re.S)]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_form_and_message_pages_have_breadcrumbs(client, demo_pages, language):
    home = {"en": "Home", "zh-hans": "首页"}[language]
    subscriber = SubscriberFactory()
    application = application_create()
    for path in [*FORM_PAGES, f"newsletter/preferences/{subscriber.token}/",
                 f"apply-for-trial/status/{status_token(application)}/"]:
        response = client.get(f"/{language}/{path}")
        crumbs = _crumbs(response.content.decode())
        assert crumbs[0] == home and len(crumbs) >= 2, path
    assert _crumbs(client.get(f"/{language}/newsletter/thanks/").content.decode())[1] == {
        "en": "Newsletter", "zh-hans": "新闻通讯"}[language]


def test_every_page_in_the_sitemap_but_home_has_breadcrumbs(client, demo_pages):
    sitemap = client.get("/sitemap.xml").content.decode()
    paths = [re.sub(r"^https?://[^/]+", "", loc)
             for loc in re.findall(r"<loc>(.*?)</loc>", sitemap)]
    assert {"/en/privacy/", "/zh-hans/accessibility/", "/en/newsletter/"} <= set(paths)
    for path in paths:
        html = client.get(path).content.decode()
        if path in {"/en/", "/zh-hans/"}:
            assert not BREADCRUMB.search(html)
        else:
            assert len(_crumbs(html)) >= 2, path


@pytest.mark.parametrize(("language", "expected"), [
    ("en", ["North Building No.4, Xuhui Campus, Shanghai Jiao Tong University",
            "Founding partners", "Shanghai Jiao Tong University", "SenseTime",
            "China Institute for Social-Legal Studies", "Qing Yuan Research Institute",
            '<a href="/en/privacy/">Privacy notice</a>',
            '<a href="/en/accessibility/">Accessibility statement</a>']),
    ("zh-hans", ["上海交通大学徐汇校区", "创始合作方", "上海交通大学", "商汤科技",
                 "中国法与社会研究院", "清源研究院",
                 '<a href="/zh-hans/privacy/">隐私声明</a>',
                 '<a href="/zh-hans/accessibility/">无障碍声明</a>']),
])
def test_the_footer_gives_contact_partners_and_trust_pages(client, demo_pages, language,
                                                           expected):
    html = client.get(f"/{language}/news/").content.decode()
    footer = html[html.index('<footer class="site-footer">'):]
    for text in expected:
        assert text in footer


@pytest.mark.parametrize(("path", "expected"), [
    ("/en/accessibility/", ["WCAG", "2.2", "AA", "axe-core", "keyboard", "Report a problem"]),
    ("/zh-hans/accessibility/", ["WCAG", "2.2 AA", "axe-core", "键盘", "报告问题"]),
    ("/en/privacy/", ["Newsletter", "Apply for Trial", "unsubscribe"]),
    ("/zh-hans/privacy/", ["新闻通讯", "申请试用", "退订"]),
])
def test_the_trust_pages_say_what_they_promise(client, demo_pages, path, expected):
    html = client.get(path).content.decode()
    for text in expected:
        assert text in html
