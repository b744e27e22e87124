import pytest
from django.core.files.storage import default_storage

from center.news.models import StoryHero
from center.news.services import story_hero_refresh

from . import factories


def _files(renditions):
    return [r["url"] for key in ("webp", "jpeg") for r in renditions[key]]


def _path(url):
    return url.removeprefix(default_storage.base_url)


@pytest.mark.django_db
def test_hero_renditions_are_16_9_webp_and_jpeg_at_each_width():
    from PIL import Image

    post = factories.story("Pictured", image=factories.picture(size=(1000, 1000)))
    renditions = story_hero_refresh(post=post).renditions
    assert [r["width"] for r in renditions["webp"]] == [480, 960, 1440]
    assert (renditions["width"], renditions["height"]) == (960, 540)
    for url in _files(renditions):
        with default_storage.open(_path(url)) as handle, Image.open(handle) as image:
            assert image.format in {"WEBP", "JPEG"}
            assert image.width * 9 == image.height * 16


@pytest.mark.django_db
def test_same_picture_is_not_rendered_twice_and_a_new_one_replaces_the_old_files():
    post = factories.story("Pictured", image=factories.picture())
    first = story_hero_refresh(post=post).renditions
    assert story_hero_refresh(post=post).renditions == first
    post.main_image = factories.picture(name="other.png", color=(200, 30, 30))
    post.save()
    second = story_hero_refresh(post=post).renditions
    assert set(_files(second)).isdisjoint(_files(first))
    assert not any(default_storage.exists(_path(url)) for url in _files(first))
    post.main_image = None
    post.save()
    assert story_hero_refresh(post=post).renditions == {}
    assert not any(default_storage.exists(_path(url)) for url in _files(second))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_saving_a_story_renders_its_hero_after_commit():
    # Transactional, so on_commit callbacks really run; serialized rollback brings back the
    # content types the flush removes (filer and versioning cache their ids).
    post = factories.story("Saved", image=factories.picture())
    hero = StoryHero.objects.get(post=post)  # the signal ran the (eager) task on commit
    assert hero.renditions["jpeg"]
