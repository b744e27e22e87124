"""The designed stand-ins for missing pictures: every news, event and whitepaper card has an
image (the uploaded picture when there is one, else generated art that differs per item
and stays the same across renders), and speakers without a portrait get a monogram in the
script of the name shown."""

import re

import pytest
from django.template import Context, Template

from center.core.art import cover_svg, monogram
from center.news.services import story_hero_refresh
from tests.events.factories import EventFactory
from tests.news import factories as news
from tests.people.factories import PersonFactory
from tests.publications.factories import WhitepaperFactory

pytestmark = pytest.mark.usefixtures("demo_pages")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _cards(html: str, card_class: str) -> list[str]:
    after = rf'(?=<li class="{card_class}">|</ul>|</ol>)'
    return re.findall(rf'<li class="{card_class}">(.*?)</li>\s*{after}', html, re.S)


def _has_image(card: str) -> bool:
    return "<img " in card or '<svg class="art' in card


@pytest.mark.parametrize(("name", "expected"), [
    ("季卫东", "季"), ("Ji Weidong", "JW"), ("欧阳修文", "欧阳"), ("Zhang  Shaoting", "ZS"),
    ("Yang", "Y"), ("", ""),
])
def test_monogram_follows_the_script_of_the_name(name, expected):
    assert monogram(name) == expected


def test_a_chinese_speaker_shows_the_family_name_in_chinese_and_initials_in_english(client):
    PersonFactory(slug="ji-weidong", name="Ji Weidong", zh={"name": "季卫东"})

    zh = client.get("/zh-hans/speakers/ji-weidong/").content.decode()
    en = client.get("/en/speakers/ji-weidong/").content.decode()
    zh_list = client.get("/zh-hans/speakers/").content.decode()

    assert '<span class="portrait__letters">季</span>' in zh
    assert '<span class="portrait__letters">季</span>' in zh_list
    assert '<span class="portrait__letters">JW</span>' in en
    assert "portrait--han" in zh and "portrait--han" not in en


def test_art_differs_per_item_and_is_stable():
    first, again, other = cover_svg("news", 1), cover_svg("news", 1), cover_svg("news", 2)
    assert first == again and first != other
    assert cover_svg("event", 1) != cover_svg("whitepaper", 1)
    assert 'aria-hidden="true"' in first and len(first) < 1200


def test_the_art_tag_renders_without_the_database(django_assert_num_queries):
    template = Template('{% load images %}{% cover_art "event" 7 %}')
    with django_assert_num_queries(0):
        html = template.render(Context())
    assert html == cover_svg("event", 7)


def test_every_news_card_has_a_picture_and_an_uploaded_one_wins(client):
    pictured = news.story("Pictured", slug="pictured", image=news.picture(), days_ago=1)
    story_hero_refresh(post=pictured)
    news.story("Plain one", slug="plain-one", days_ago=2)
    news.story("Plain two", slug="plain-two", days_ago=3)

    html = client.get("/en/news/").content.decode()

    cards = _cards(html, "story-card")
    assert len(cards) == 3 and all(_has_image(card) for card in cards)
    pictured_card = next(card for card in cards if "Pictured" in card)
    assert "<img " in pictured_card and '<svg class="art' not in pictured_card
    plain = [re.search(r'<svg class="art.*?</svg>', c, re.S).group(0) for c in cards[1:]]
    assert plain[0] != plain[1]
    assert html == client.get("/en/news/").content.decode()  # the same art next time


def test_every_event_card_has_its_art(client):
    EventFactory(slug="one", title="One")
    EventFactory(slug="two", title="Two", past=True)

    html = client.get("/en/events/").content.decode()

    cards = _cards(html, "event-card")
    assert len(cards) == 2 and all('<svg class="art art--event"' in card for card in cards)


def test_every_whitepaper_card_has_a_cover(client):
    WhitepaperFactory(slug="one", title="One")
    WhitepaperFactory(slug="two", title="Two")

    html = client.get("/en/whitepapers/").content.decode()

    cards = _cards(html, "whitepaper-card")
    assert len(cards) == 2 and all(_has_image(card) for card in cards)
