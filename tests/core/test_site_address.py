"""Every absolute link names the address the site is served at: the Site row, which migrate
writes from SITE_DOMAIN, with META_SITE_PROTOCOL. Here the site moves to another host and
port, and the sitemap, feed, calendar, share tags, structured data and emails all follow."""

import re
import xml.etree.ElementTree as ElementTree

import feedparser
import pytest
from django.conf import settings
from django.contrib.sites.models import Site
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from center.newsletter.services import subscriber_subscribe

ROOT = "https://portal.example.org:8080"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def moved_site(db, django_capture_on_commit_callbacks):
    call_command("load_demo", verbosity=0)
    with override_settings(SITE_DOMAIN="portal.example.org:8080", META_SITE_PROTOCOL="https"):
        call_command("migrate", verbosity=0)  # what a deployment with a new SITE_DOMAIN runs
        yield


def test_migrate_writes_site_domain_to_the_site(db):
    assert Site.objects.get_current().domain == settings.SITE_DOMAIN  # not example.com
    with override_settings(SITE_DOMAIN="127.0.0.1:8080"):
        call_command("migrate", verbosity=0)
        assert Site.objects.get_current().domain == "127.0.0.1:8080"


def test_sitemap_and_share_tags_agree_on_the_new_address(moved_site, client):
    body = client.get("/sitemap.xml").content
    locations = [loc.text for loc in ElementTree.fromstring(body).iter(f"{SITEMAP}loc")]
    assert len(locations) >= 10
    assert all(url.startswith(ROOT + "/") for url in locations), locations
    news_story = next(url for url in locations if re.search(r"/en/news/[\w-]+/$", url))
    html = client.get(news_story.removeprefix(ROOT)).content.decode()
    assert re.search(rf'property="og:url" content="{re.escape(news_story)}"', html)
    assert f'"url": "{news_story}"' in html.replace('":"', '": "')  # JSON-LD


def test_feed_and_calendar_link_to_the_new_address(moved_site, client):
    feed = feedparser.parse(client.get("/en/news/feed/").content)
    assert feed.feed.link == f"{ROOT}/en/news/"
    assert feed.entries and all(entry.link.startswith(ROOT + "/en/news/")
                                for entry in feed.entries)
    calendar = client.get("/en/events/calendar.ics").content.decode()
    urls = re.findall(r"^URL:(\S+)", calendar, flags=re.MULTILINE)
    uids = re.findall(r"^UID:(\S+)", calendar, flags=re.MULTILINE)
    assert urls and all(url.startswith(ROOT + "/en/events/") for url in urls)
    assert uids and all(uid.endswith("@portal.example.org:8080") for uid in uids)


def test_emails_link_to_the_new_address(moved_site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        subscriber_subscribe(email="reader@example.org", language="en", topics=[], ip=None)
    (message,) = mail.outbox
    links = re.findall(r"https?://\S+", message.body)
    assert links and all(link.startswith(ROOT + "/") for link in links), links
