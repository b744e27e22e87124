"""A portrait is chosen from the media library, which files an SVG, or anything named .png,
as an image. Every such file that Pillow cannot show is refused with a form error, and one
stored before this rule never breaks a page."""

import logging
from io import BytesIO

import pytest
from django.core.files import File as DjangoFile
from django.core.files.uploadedfile import SimpleUploadedFile
from filer.models import Image as FilerImage
from PIL import Image

from center.people.models import Person
from center.people.services import person_portrait_renditions_refresh
from tests.support.forms import form_values

from .factories import PersonFactory, filer_image_create

SVG = (b'<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
       b'<rect width="64" height="64" fill="#369"/></svg>')


def _png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (400, 400), "#963").save(buffer, "PNG")
    return buffer.getvalue()


NOT_PICTURES = {
    "svg": ("portrait.svg", SVG),
    "truncated png": ("portrait.png", _png()[:600]),
    # filer's uploader refuses this one itself; it still arrives by a script or an import.
    "text renamed .png": ("portrait.png", b"Dear editor, this is a letter, not a picture.\n"),
}


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


def _upload(client, name: str, data: bytes) -> FilerImage:
    """Through the media library's own uploader, as an editor drops a file into it, or
    straight into storage when that uploader refuses it."""
    response = client.post("/en/admin/filer/clipboard/operations/upload/no_folder/",
                           {"file": SimpleUploadedFile(name, data)})
    if response.status_code == 400:
        return FilerImage.objects.create(original_filename=name,
                                         file=DjangoFile(BytesIO(data), name=name))
    assert response.status_code == 200, response.content
    return FilerImage.objects.get(pk=response.json()["file_id"])


def _change(client, person: Person, **changes):
    url = f"/en/admin/people/person/{person.pk}/change/?language=en"
    values = form_values(client.get(url).content.decode(), form_id="person_form")
    return client.post(url, values | changes)


@pytest.fixture
def pictured(admin_client):
    person = PersonFactory(slug="ji-weidong", name="Ji Weidong")
    response = _change(admin_client, person, portrait=str(filer_image_create().pk))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.portrait_renditions["jpeg"]
    return person


@pytest.mark.parametrize("kind", NOT_PICTURES)
def test_a_file_pillow_cannot_show_is_refused_as_a_portrait(admin_client, pictured, kind):
    before = (pictured.portrait_id, pictured.portrait_renditions)
    bad = _upload(admin_client, *NOT_PICTURES[kind])

    response = _change(admin_client, pictured, portrait=str(bad.pk))

    assert response.status_code == 200
    assert "This file is not an image we can show: upload a JPEG, PNG, GIF or WebP" \
        in response.content.decode()
    pictured.refresh_from_db()
    assert (pictured.portrait_id, pictured.portrait_renditions) == before


def test_the_refusal_speaks_chinese_to_a_chinese_admin(admin_client, pictured):
    bad = _upload(admin_client, "portrait.svg", SVG)
    url = f"/zh-hans/admin/people/person/{pictured.pk}/change/?language=en"
    values = form_values(admin_client.get(url).content.decode(), form_id="person_form")

    response = admin_client.post(url, values | {"portrait": str(bad.pk)})

    assert response.status_code == 200
    assert "该文件不是本站可以显示的图片" in response.content.decode()


@pytest.mark.parametrize("kind", NOT_PICTURES)
def test_a_bad_portrait_stored_earlier_leaves_the_pages_working(admin_client, client, kind,
                                                                caplog, demo_pages):
    person = PersonFactory(slug="tian-feng", name="Tian Feng")
    bad = _upload(admin_client, *NOT_PICTURES[kind])
    Person.objects.filter(pk=person.pk).update(portrait=bad)  # chosen before the rule
    person.refresh_from_db()

    with caplog.at_level(logging.WARNING, logger="center.core.images"):
        assert person_portrait_renditions_refresh(person=person) == {}
    assert "is not an image we can show" in caplog.text

    page = client.get("/en/speakers/tian-feng/")
    assert page.status_code == 200 and "Tian Feng" in page.content.decode()
    assert client.get("/en/speakers/").status_code == 200
    # Saving the person again names the problem instead of failing.
    response = _change(admin_client, person, short_bio="Updated.")
    assert response.status_code == 200
    assert "This file is not an image we can show" in response.content.decode()
