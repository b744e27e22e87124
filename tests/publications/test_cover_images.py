"""A cover Pillow cannot show is refused in the admin; one stored before that rule gives the
cover drawn from the title instead of a failure."""

import logging

import pytest

from center.publications.models import Whitepaper
from center.publications.services import whitepaper_cover_refresh

from .factories import WhitepaperFactory, filer_image_create

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="30" height="40"/>'

pytestmark = pytest.mark.usefixtures("demo_pages")


def test_an_svg_cover_is_refused_in_the_admin(client, staff_user):
    client.force_login(staff_user)
    svg = filer_image_create(SVG, name="cover.svg")

    response = client.post("/en/admin/publications/whitepaper/add/?language=en", {
        "title": "AI and Law", "slug": "ai-and-law", "publication_date": "2021-06-01",
        "pdf_language": "en", "cover": str(svg.pk),
        "authorships-TOTAL_FORMS": "0", "authorships-INITIAL_FORMS": "0",
        "authorships-MIN_NUM_FORMS": "0", "authorships-MAX_NUM_FORMS": "1000",
    })

    assert response.status_code == 200
    assert "This file is not an image we can show" in response.content.decode()
    assert not Whitepaper.objects.exists()


def test_a_stored_cover_that_cannot_be_read_gives_the_drawn_cover(client, caplog):
    paper = WhitepaperFactory(slug="ai-and-law", title="AI and Law")
    Whitepaper.objects.filter(pk=paper.pk).update(
        cover=filer_image_create(SVG, name="cover.svg"))
    paper.refresh_from_db()

    with caplog.at_level(logging.WARNING, logger="center.core.images"):
        renditions = whitepaper_cover_refresh(whitepaper=paper)

    assert renditions["jpeg"] and "is not an image we can show" in caplog.text
    response = client.get("/en/whitepapers/ai-and-law/")
    assert response.status_code == 200 and renditions["jpeg"][0]["url"] in response.content.decode()
