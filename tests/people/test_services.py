from pathlib import Path

from django.conf import settings
from PIL import Image

from center.people.services import person_portrait_renditions_refresh

from .factories import PersonFactory, filer_image_create


def _open(url: str) -> Image.Image:
    return Image.open(Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL))


def test_renditions_are_square_webp_and_jpeg_at_three_widths(db):
    person = PersonFactory(portrait=filer_image_create(size=(800, 600)))

    renditions = person_portrait_renditions_refresh(person=person)

    person.refresh_from_db()
    assert person.portrait_renditions == renditions
    assert (renditions["width"], renditions["height"]) == (320, 320)
    for key, pil_format in (("webp", "WEBP"), ("jpeg", "JPEG")):
        assert [r["width"] for r in renditions[key]] == [160, 320, 640]
        for rendition in renditions[key]:
            with _open(rendition["url"]) as image:
                assert image.format == pil_format
                assert image.size == (rendition["width"], rendition["width"])


def test_a_new_portrait_replaces_the_old_files(db):
    person = PersonFactory(portrait=filer_image_create(size=(500, 700)))
    old = person_portrait_renditions_refresh(person=person)

    person.portrait = filer_image_create(size=(300, 300), name="new.png")
    new = person_portrait_renditions_refresh(person=person)

    assert new["jpeg"][0]["url"] != old["jpeg"][0]["url"]
    old_file = Path(settings.MEDIA_ROOT) / old["jpeg"][0]["url"].removeprefix(settings.MEDIA_URL)
    assert not old_file.exists()
    with _open(new["webp"][2]["url"]) as image:
        assert image.size == (640, 640)


def test_removing_the_portrait_clears_the_renditions(db):
    person = PersonFactory(portrait=filer_image_create())
    person_portrait_renditions_refresh(person=person)

    person.portrait = None
    person_portrait_renditions_refresh(person=person)

    person.refresh_from_db()
    assert person.portrait_renditions == {}
