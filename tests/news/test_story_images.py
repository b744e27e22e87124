"""A story's main image (djangocms-stories' own field) is refused in the story admin when
Pillow cannot show it, and one stored before that rule never breaks the story."""

import logging
from io import BytesIO

import pytest
from django.core.files import File as DjangoFile
from filer.models import Image as FilerImage

from center.news.models import StoryHero
from center.news.services import story_hero_refresh
from tests.support.forms import form_values

from . import factories

pytestmark = pytest.mark.usefixtures("demo_pages")

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="9" height="9"/>'


def _svg_image() -> FilerImage:
    return FilerImage.objects.create(original_filename="hero.svg",
                                     file=DjangoFile(BytesIO(SVG), name="hero.svg"))


def test_an_svg_main_image_is_refused_in_the_story_admin(client, staff_user):
    post = factories.story("Pictured", slug="pictured", image=factories.picture())
    client.force_login(staff_user)
    url = f"/en/admin/djangocms_stories/post/{post.pk}/change/?language=en"
    values = form_values(client.get(url).content.decode(), form_id="post_form")
    other = factories.picture(name="other.png")
    # The form as posted here saves a real picture: only the SVG is what is refused below.
    assert client.post(url, values | {"main_image": str(other.pk)}).status_code == 302
    values = form_values(client.get(url).content.decode(), form_id="post_form")

    response = client.post(url, values | {"main_image": str(_svg_image().pk)})

    assert response.status_code == 200
    assert "This file is not an image we can show" in response.content.decode()
    post.refresh_from_db()
    assert post.main_image_id == other.pk


def test_a_story_whose_stored_image_cannot_be_read_is_shown_without_it(client, caplog):
    post = factories.story("Broken picture", slug="broken-picture", image=factories.picture())
    story_hero_refresh(post=post)
    type(post).objects.filter(pk=post.pk).update(main_image=_svg_image())
    post.refresh_from_db()

    with caplog.at_level(logging.WARNING, logger="center.core.images"):
        hero = story_hero_refresh(post=post)

    assert hero.renditions == {} and "is not an image we can show" in caplog.text
    assert StoryHero.objects.get(post=post).renditions == {}
    response = client.get("/en/news/broken-picture/")
    assert response.status_code == 200 and "Broken picture" in response.content.decode()


def test_a_main_image_without_alt_text_is_refused_with_a_clear_error(client, staff_user):
    post = factories.story("Pictured", slug="pictured", image=factories.picture())
    client.force_login(staff_user)
    url = f"/en/admin/djangocms_stories/post/{post.pk}/change/?language=en"
    values = form_values(client.get(url).content.decode(), form_id="post_form")
    no_alt = factories.picture(name="no-alt.png")
    FilerImage.objects.filter(pk=no_alt.pk).update(default_alt_text="")

    response = client.post(url, values | {"main_image": str(no_alt.pk)})

    assert response.status_code == 200
    assert "This image has no alt text" in response.content.decode()
    post.refresh_from_db()
    assert post.main_image_id != no_alt.pk
    described = factories.picture(name="described.png")  # the same form with alt text saves
    assert client.post(url, values | {"main_image": str(described.pk)}).status_code == 302
