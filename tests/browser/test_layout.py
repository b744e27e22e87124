import re

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BANDS = [".home-hero__inner", ".home-themes", ".home-columns", ".home-news", ".home-partners"]


@pytest.fixture
def live_demo(transactional_db, django_db_serialized_rollback, live_server):
    call_command("load_demo", verbosity=0)
    return live_server.url


def _box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_home_uses_the_width_of_a_desktop_screen(live_demo, new_page, assert_accessible):
    for language in ("en", "zh-hans"):
        page = new_page(width=1280, height=900)
        page.goto(f"{live_demo}/{language}/")
        for band in BANDS:
            box = _box(page, band)
            assert box["x"] < 120 and box["x"] + box["width"] > 900, (language, band, box)
        # Side by side: the featured item beside the intro, events beside publications.
        assert _box(page, ".home-featured")["x"] > 640
        # The featured story shows its picture, loaded, across the top of its card.
        picture = page.locator(".home-featured .featured-story__picture img")
        assert picture.evaluate("(img) => img.complete && img.naturalWidth > 0")
        assert picture.bounding_box()["width"] >= _box(page, ".home-featured")["width"] - 4
        assert _box(page, ".home-events")["x"] > 640
        assert _box(page, ".home-events")["y"] == _box(page, ".home-publications")["y"]
        news = page.locator(".home-news .story-card")
        assert news.count() == 3
        assert len({round(news.nth(index).bounding_box()["y"]) for index in range(3)}) == 1
        assert_accessible(page)


def test_home_is_one_column_on_a_phone(live_demo, new_page, assert_accessible):
    page = new_page(width=390, height=844)
    page.goto(f"{live_demo}/en/")
    assert _box(page, ".home-events")["y"] > _box(page, ".home-publications")["y"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)


def test_the_seed_article_lists_its_sections_beside_the_text(live_demo, new_page,
                                                             assert_accessible):
    page = new_page(width=1280, height=900)
    page.goto(f"{live_demo}/en/about-us/ethical-and-responsible-ai/")
    contents = page.get_by_role("navigation", name="Contents")
    assert _box(page, ".toc")["x"] > _box(page, "article.prose")["x"] + 600
    contents.get_by_role("link", name="The Three Laws of Robotics").click()
    expect(page).to_have_url(re.compile(r"#section-\d+-the-three-laws-of-robotics$"))
    page.mouse.wheel(0, 4000)  # the list stays in view further down the article
    expect(contents).to_be_in_viewport()
    assert_accessible(page)

    phone = new_page(width=390, height=844)
    phone.goto(f"{live_demo}/zh-hans/about-us/ethical-and-responsible-ai/")
    assert _box(phone, ".toc")["y"] < _box(phone, "article.prose")["y"]
    assert_accessible(phone)


@pytest.mark.parametrize(("path", "side", "text"), [
    ("/en/events/public-lecture-accountable-ai-2027/", ".detail-aside", "main article"),
    ("/zh-hans/speakers/tian-feng/", ".detail-aside", "main article"),
    ("/en/news/university-enterprise-cooperation-ai-ethics-research/", ".detail-aside",
     "main article"),
    ("/en/code-of-ethics/", ".article-layout > .toc", ".code__body"),
    ("/en/code-of-ethics/v/1.1/principles/2/", ".detail-aside", "main article"),
    ("/zh-hans/code-of-ethics/v/1.0/principles/2/", ".detail-aside", "main article"),
])
def test_detail_pages_put_a_side_column_beside_the_text(live_demo, new_page, assert_accessible,
                                                        path, side, text):
    page = new_page(width=1280, height=900)
    page.goto(live_demo + path)
    assert _box(page, side)["x"] > _box(page, text)["x"] + 600
    assert _box(page, side)["y"] < _box(page, text)["y"] + 200  # beside it, not below it
    assert_accessible(page)


def test_a_whitepaper_has_its_cover_download_and_authors_beside_the_text(
        live_demo, new_page, assert_accessible):
    page = new_page(width=1280, height=900)
    page.goto(live_demo + "/zh-hans/whitepapers/code-of-ethics-for-ai-sustainable-development/")
    assert _box(page, ".whitepaper__main")["x"] > _box(page, ".aside-people")["x"] + 250
    assert _box(page, ".aside-people")["y"] > _box(page, ".whitepaper__download")["y"]
    assert_accessible(page)


def test_on_a_phone_a_whitepapers_title_comes_before_its_side_boxes(live_demo, new_page):
    page = new_page(width=390, height=844)
    page.goto(live_demo + "/en/whitepapers/code-of-ethics-for-ai-sustainable-development/")
    assert _box(page, ".whitepaper__main h1")["y"] < _box(page, ".aside-people")["y"]
    assert _box(page, ".whitepaper__main .cite-box")["y"] < _box(page, ".aside-people")["y"]
