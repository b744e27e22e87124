"""The identity's files and where pages use them: a share picture per page type, the
favicon set and the web manifest, all small enough to send."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from tests.events.factories import EventFactory
from tests.people.factories import PersonFactory

IMG = Path(settings.BASE_DIR) / "static" / "core" / "img"

pytestmark = pytest.mark.usefixtures("demo_pages")


def _og_image(html: str) -> str:
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)


@pytest.mark.parametrize(("path", "picture"), [
    ("/en/", "share.png"), ("/zh-hans/news/", "share-news.png"),
    ("/en/events/", "share-event.png"), ("/en/speakers/", "share-speaker.png"),
    ("/en/whitepapers/", "share-whitepaper.png"), ("/zh-hans/code-of-ethics/", "share-code.png"),
])
def test_each_page_type_shares_its_own_picture(client, path, picture):
    assert _og_image(client.get(path).content.decode()).endswith(f"/static/core/img/{picture}")


def test_an_item_without_a_picture_shares_its_type_picture(client):
    PersonFactory(slug="ji-weidong", name="Ji Weidong")
    EventFactory(slug="lecture", title="Lecture")

    speaker = client.get("/en/speakers/ji-weidong/").content.decode()
    event = client.get("/en/events/lecture/").content.decode()

    assert _og_image(speaker).endswith("share-speaker.png")
    assert _og_image(event).endswith("share-event.png")


@pytest.mark.parametrize("name", ["share.png", "share-news.png", "share-event.png",
                                  "share-speaker.png", "share-whitepaper.png", "share-code.png"])
def test_share_pictures_are_1200_by_630_and_small(name):
    assert Image.open(IMG / name).size == (1200, 630)
    assert (IMG / name).stat().st_size < 60_000


def test_pages_link_the_favicon_set_and_a_manifest_whose_icons_exist(client):
    html = client.get("/en/").content.decode()

    for href in ("core/img/favicon.ico", "core/img/logo-mark.svg",
                 "core/img/apple-touch-icon.png", "core/site.webmanifest"):
        assert f'/static/{href}"' in html
    assert Image.open(IMG / "apple-touch-icon.png").size == (180, 180)
    manifest = json.loads((IMG.parent / "site.webmanifest").read_text())
    for icon in manifest["icons"]:
        size = int(icon["sizes"].split("x")[0])
        assert Image.open(IMG.parent / icon["src"]).size == (size, size)
