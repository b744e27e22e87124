"""robots.txt, /favicon.ico, the wordmark and the share tags (OpenGraph, Twitter) on every
public page, checked against the addresses the sitemap lists."""

import re
import urllib.robotparser
from html.parser import HTMLParser
from io import BytesIO
from xml.etree import ElementTree

import pytest
from django.conf import settings
from django.contrib.sites.models import Site
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.templatetags.static import static
from PIL import Image

from center.core.links import absolute, site_root

DOMAIN = "portal.example.org"  # not the test client's host: addresses must follow the Site
ONE_EACH = ["og:title", "og:description", "og:url", "og:type", "og:image", "og:site_name",
            "og:locale", "twitter:card", "twitter:title", "twitter:description",
            "twitter:image"]
LOCALES = {"en": "en_US", "zh-hans": "zh_CN"}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


class Head(HTMLParser):
    """The share tags, canonical link and icon links of a page, and the header's images."""

    def __init__(self, html):
        super().__init__()
        self.meta, self.canonical, self.icons, self.header_images = {}, [], [], []
        self._in_header = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (key := attrs.get("property") or attrs.get("name")):
            self.meta.setdefault(key, []).append(attrs.get("content", ""))
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical.append(attrs["href"])
        elif tag == "link" and attrs.get("rel") in ("icon", "apple-touch-icon"):
            self.icons.append(attrs)
        elif tag == "header" and "site-header" in attrs.get("class", ""):
            self._in_header = True
        elif tag == "img" and self._in_header:
            self.header_images.append(attrs)

    def handle_endtag(self, tag):
        if tag == "header":
            self._in_header = False


def _use_domain(settings) -> str:
    settings.META_SITE_PROTOCOL = "https"
    Site.objects.filter(pk=settings.SITE_ID).update(domain=DOMAIN)
    Site.objects.clear_cache()
    return f"https://{DOMAIN}"


@pytest.fixture
def site_domain(db, settings):
    yield _use_domain(settings)
    Site.objects.clear_cache()


@pytest.fixture
def pages_site(demo_pages, settings):
    """The demo page tree (apphooks attached, no app content) under DOMAIN."""
    yield _use_domain(settings)
    Site.objects.clear_cache()


@pytest.fixture
def demo_site(db, settings):
    """All the demo content under DOMAIN."""
    call_command("load_demo", verbosity=0)  # sets the Site's domain from SITE_DOMAIN
    yield _use_domain(settings)
    Site.objects.clear_cache()


def _static_path(url: str) -> str:
    """"https://host/static/core/img/x.png" -> "core/img/x.png"."""
    return url.split(settings.STATIC_URL, 1)[1]


# robots.txt

def test_robots_txt_keeps_crawlers_out_of_the_admin_and_names_the_sitemap(client, site_domain):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "max-age=" in response["Cache-Control"]
    assert not response.cookies
    text = response.content.decode()
    assert "Disallow: /en/admin/" in text and "Disallow: /zh-hans/admin/" in text
    assert f"Sitemap: {site_domain}/sitemap.xml" in text.splitlines()
    assert site_root() == site_domain

    robots = urllib.robotparser.RobotFileParser()
    robots.parse(text.splitlines())
    assert robots.can_fetch("*", f"{site_domain}/en/about-us/")
    assert robots.can_fetch("*", f"{site_domain}/zh-hans/news/")
    assert not robots.can_fetch("*", f"{site_domain}/en/admin/")
    assert not robots.can_fetch("*", f"{site_domain}/zh-hans/admin/cms/page/")
    assert robots.site_maps() == [f"{site_domain}/sitemap.xml"]


# favicon and icons

def test_favicon_is_a_multi_size_ico_at_the_root(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
    assert "max-age=" in response["Cache-Control"]
    assert not response.cookies
    body = response.content
    assert body[:4] == b"\x00\x00\x01\x00"  # ICO magic: reserved 0, type 1 (icon)
    with Image.open(BytesIO(body)) as icon:
        assert {(16, 16), (32, 32), (48, 48)} <= icon.info["sizes"]
    assert client.head("/favicon.ico").status_code == 200


def test_every_page_links_its_icons_and_each_exists(client, demo_pages):
    head = Head(client.get("/en/").content.decode())
    by_rel = {(i["rel"], i.get("type", "")): i["href"] for i in head.icons}
    assert by_rel[("icon", "image/svg+xml")].endswith(".svg")
    assert by_rel[("icon", "")].endswith(".ico")
    touch = by_rel[("apple-touch-icon", "")]
    for href in by_rel.values():
        assert finders.find(_static_path(href)), href  # no 404 in the browser's console
    with Image.open(finders.find(_static_path(touch))) as picture:
        assert picture.size == (180, 180)


# the wordmark

NAMES = {"en": "Center for Computational Law and AI Ethics Research",
         "zh-hans": "计算法学与AI伦理研究中心"}


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_header_shows_the_wordmark_of_the_page_language(client, demo_pages, language):
    html = client.get(f"/{language}/").content.decode()
    brand = html.split('class="brand"', 1)[1].split("</a>", 1)[0]
    assert not Head(html).header_images  # drawn inline, in the page's fonts
    svg = brand.split("<svg", 1)[1].split("</svg>", 1)[0]
    # The drawing is the Center's name in this language, hidden from screen readers...
    assert 'aria-hidden="true"' in svg.split(">", 1)[0]
    assert "".join(re.findall(r"<text[^>]*>([^<]*)</text>", svg)).replace(" ", "") == (
        NAMES[language].replace(" ", ""))
    # ...which hear the name once, as the link's text.
    assert f'<span class="visually-hidden">{NAMES[language]}</span>' in brand


# share tags

def _sitemap_addresses(client) -> list[str]:
    tree = ElementTree.fromstring(client.get("/sitemap.xml").content)
    return [loc.text for loc in tree.findall("s:url/s:loc", SITEMAP_NS)]


def _assert_share_tags(html: str, *, address: str, root: str) -> dict:
    head = Head(html)
    for key in ONE_EACH:
        assert len(head.meta.get(key, [])) == 1, f"{address}: {key} {head.meta.get(key)}"
    meta = {key: values[0] for key, values in head.meta.items()}
    assert meta["og:type"] == meta["og:type"].lower(), address
    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:title"] and meta["og:description"], address
    for key in ("og:url", "og:image", "twitter:image"):
        assert meta[key].startswith(root + "/"), f"{address}: {key} {meta[key]}"
    if head.canonical:
        assert head.canonical == [meta["og:url"]], address
    return meta


def test_every_page_in_the_sitemap_has_one_set_of_share_tags_naming_its_address(client, demo_site):
    addresses = _sitemap_addresses(client)
    sections = {address.split("/")[4] for address in addresses if address.count("/") > 4}
    # The demo content reaches every app: news, events, speakers, whitepapers, the Code...
    assert {"news", "events", "speakers", "whitepapers", "code-of-ethics", "newsletter",
            "apply-for-trial"} <= sections
    stories = 0
    for address in addresses:
        assert address.startswith(demo_site + "/")
        response = client.get(address.removeprefix(demo_site))
        assert response.status_code == 200, address
        meta = _assert_share_tags(response.content.decode(), address=address, root=demo_site)
        assert meta["og:url"] == address  # the very address the sitemap lists
        language = address.split("/")[3]
        assert meta["og:locale"] == LOCALES[language], address
        is_story = address.split("/")[4:5] == ["news"] and address.count("/") == 6
        stories += is_story
        assert meta["og:type"] == ("article" if is_story else "website"), address
    assert stories >= 2


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_pages_outside_the_sitemap_carry_share_tags_too(client, pages_site, language):
    for path in (f"/{language}/search/?q=ethics", f"/{language}/news/?page=2",
                 f"/{language}/speakers/?affiliation=none"):
        html = client.get(path).content.decode()
        meta = _assert_share_tags(html, address=path, root=pages_site)
        assert meta["og:url"] == pages_site + path.split("?")[0]  # never the query
    search = Head(client.get(f"/{language}/search/?q=ethics").content.decode()).meta
    assert "ethics" not in search["og:title"][0]  # the shared address has no query either


def test_default_share_image_is_the_committed_1200_by_630_picture(client, pages_site):
    meta = Head(client.get("/en/about-us/").content.decode()).meta
    assert meta["og:image"] == [absolute(static("core/img/share.png"))]
    assert meta["twitter:image"] == meta["og:image"]
    assert (meta["og:image:width"], meta["og:image:height"]) == (["1200"], ["630"])
    path = finders.find(_static_path(meta["og:image"][0]))
    assert path, "the share image must be served from the static files"
    with Image.open(path) as picture:
        assert picture.size == (1200, 630) and picture.format == "PNG"


def test_home_page_shares_the_site_name_not_home(client, pages_site):
    english = Head(client.get("/en/").content.decode()).meta
    assert english["og:title"] == ["Center for Computational Law and AI Ethics Research"]
    chinese = Head(client.get("/zh-hans/").content.decode()).meta
    assert chinese["og:title"] == chinese["og:site_name"]
    assert chinese["og:locale"] == ["zh_CN"]


def test_news_story_shares_as_an_article_with_its_own_picture(client, demo_site):
    slug = "university-enterprise-cooperation-ai-ethics-research"
    html = client.get(f"/en/news/{slug}/").content.decode()
    meta = Head(html).meta
    assert meta["og:type"] == ["article"]
    assert 'content="Article"' not in html  # django-meta's capitalised type is gone
    assert meta["og:image"][0].startswith(f"{demo_site}/media/")
    assert len(meta["article:published_time"]) == 1
    assert meta["article:published_time"][0].startswith("2022-03-26T")
    assert len(meta["description"]) == 1
