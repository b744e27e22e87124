"""What a visitor's browser downloads: pages gzipped when it asks (a cached page too), and
nothing render-blocking from another site."""

import gzip
import re

import pytest
from django.test import Client

pytestmark = pytest.mark.usefixtures("demo_pages")

PAGES = ["/en/", "/zh-hans/", "/en/about-us/ethical-and-responsible-ai/", "/en/events/",
         "/en/apply-for-trial/"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_gzipped_for_browsers_that_ask_and_plain_for_others(path):
    client = Client()
    plain = client.get(path)
    assert plain.status_code == 200 and "Content-Encoding" not in plain

    for _ in range(2):  # the second one from the page cache where the page is cacheable
        zipped = client.get(path, headers={"Accept-Encoding": "gzip, deflate, br"})
        assert zipped["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in zipped["Vary"]
        html = gzip.decompress(zipped.content).decode()
        assert "</html>" in html and len(zipped.content) < len(html) / 2


@pytest.mark.parametrize("path", ["/en/", "/zh-hans/", "/en/events/"])
def test_every_stylesheet_and_script_is_our_own_and_scripts_never_block(path):
    html = Client().get(path).content.decode()
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert stylesheets and all(href.startswith("/static/") for href in stylesheets)
    assert scripts and all('src="/static/' in tag and " defer" in tag for tag in scripts)
