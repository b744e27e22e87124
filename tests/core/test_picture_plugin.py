"""The "Picture / Image" plugin editors put on pages (djangocms-frontend) refuses a
media-library image Pillow cannot show, and a page holding one chosen earlier still shows
everything else."""

from io import BytesIO

import pytest
from cms.api import add_plugin
from cms.models import CMSPlugin
from django.core.files import File as DjangoFile
from filer.models import Image as FilerImage
from PIL import Image

from tests.support.cms import add_plugin_url, page_draft
from tests.support.forms import form_values

pytestmark = pytest.mark.usefixtures("demo_pages")

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="90" height="60"/>'


def _png() -> bytes:
    buffer = BytesIO()
    Image.new("RGB", (600, 400), "#369").save(buffer, "PNG")
    return buffer.getvalue()


def _image(name: str, data: bytes, alt: str = "The Center's building at dusk") -> FilerImage:
    return FilerImage.objects.create(original_filename=name, default_alt_text=alt,
                                     file=DjangoFile(BytesIO(data), name=name))


def _add_picture(client, placeholder, picture: FilerImage, **values):
    url = add_plugin_url(placeholder, "ImagePlugin")
    form = form_values(client.get(url).content.decode())
    return client.post(url, form | {"picture": str(picture.pk), "width": "300"} | values)


def _pictures(placeholder):
    return CMSPlugin.objects.filter(placeholder=placeholder, plugin_type="ImagePlugin")


def test_the_picture_plugin_refuses_an_svg_and_takes_a_png(client, staff_user):
    _draft, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    client.force_login(staff_user)

    refused = _add_picture(client, placeholder, _image("logo.svg", SVG))

    assert refused.status_code == 200
    assert "This file is not an image we can show" in refused.content.decode()
    assert not _pictures(placeholder).exists()
    _add_picture(client, placeholder, _image("photo.png", _png()))
    assert _pictures(placeholder).count() == 1


def test_a_picture_without_alt_text_is_refused_until_it_has_one(client, staff_user):
    _draft, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    client.force_login(staff_user)
    undescribed = _image("photo.png", _png(), alt="")

    refused = _add_picture(client, placeholder, undescribed)

    assert refused.status_code == 200 and "This image has no alt text" in refused.content.decode()
    assert not _pictures(placeholder).exists()
    # An alt attribute on the plugin itself describes it as well as the library's text.
    _add_picture(client, placeholder, undescribed, **{
        "attributes_key[attributes]": "alt",
        "attributes_value[attributes]": "Signing of the cooperation agreement"})
    assert _pictures(placeholder).count() == 1


def test_a_page_with_a_picture_chosen_before_the_rule_still_loads(client, staff_user):
    draft, placeholder = page_draft(reverse_id="about", language="en", user=staff_user)
    client.force_login(staff_user)
    _add_picture(client, placeholder, _image("photo.png", _png()))
    plugin = _pictures(placeholder).get().get_bound_plugin()
    # Text named .png, stored before the rule (filer's uploader refuses it today).
    plugin.config["picture"]["pk"] = _image("photo.png", b"not a picture at all").pk
    plugin.save()
    add_plugin(placeholder, "TextPlugin", "en", body="<p>Our mission, next to the picture.</p>")
    draft.publish(staff_user)
    client.logout()

    response = client.get("/en/about-us/")

    # django CMS would drop the whole placeholder, text and all, on the picture's error.
    html = response.content.decode()
    assert response.status_code == 200 and "Our mission, next to the picture." in html
    assert '<img src=""' not in html  # no picture rather than a broken one
