import hashlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image

from center.publications.models import Whitepaper
from center.publications.services import (
    pdf_file_check,
    whitepaper_cover_refresh,
    whitepaper_create,
    whitepaper_download_record,
    whitepaper_pdf_refresh,
)

from .factories import (
    WhitepaperFactory,
    filer_file_create,
    filer_image_create,
    pdf_bytes,
    png_bytes,
)


def _open(url: str) -> Image.Image:
    return Image.open(Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL))


def test_pdf_facts_are_recorded_when_the_pdf_is_attached(db):
    data = pdf_bytes(pages=3)
    paper = WhitepaperFactory(pdf=filer_file_create(data))

    whitepaper_pdf_refresh(whitepaper=paper)

    paper.refresh_from_db()
    assert paper.pdf_sha256 == hashlib.sha256(data).hexdigest()
    assert paper.pdf_size == len(data) and paper.pdf_pages == 3


def test_removing_the_pdf_clears_its_facts(db):
    paper = WhitepaperFactory(with_pdf=True)
    paper.pdf = None
    whitepaper_pdf_refresh(whitepaper=paper)
    paper.refresh_from_db()
    assert (paper.pdf_sha256, paper.pdf_size, paper.pdf_pages) == ("", None, None)


def test_a_damaged_pdf_is_kept_without_a_page_count(db):
    data = b"%PDF-1.7\nnot really a pdf"
    paper = WhitepaperFactory(pdf=filer_file_create(data))
    whitepaper_pdf_refresh(whitepaper=paper)
    assert paper.pdf_pages is None and paper.pdf_size == len(data)


@pytest.mark.parametrize("data, name", [
    (png_bytes(), "report.pdf"),  # a picture renamed to .pdf
    (b"PK\x03\x04 word document", "report.pdf"),
    (b"", "empty.pdf"),
])
def test_only_files_that_start_like_a_pdf_are_accepted(db, data, name):
    with pytest.raises(ValidationError) as error:
        pdf_file_check(file=filer_file_create(data, name=name))
    assert error.value.code == "not_pdf"


def test_a_pdf_with_any_name_is_accepted(db):
    pdf_file_check(file=filer_file_create(pdf_bytes(), name="scan.bin"))


def test_pdfs_over_the_size_cap_are_refused(db, settings):
    data = pdf_bytes()
    settings.PUBLICATIONS_MAX_PDF_BYTES = len(data) - 1
    with pytest.raises(ValidationError) as error:
        pdf_file_check(file=filer_file_create(data))
    assert error.value.code == "pdf_too_big"
    settings.PUBLICATIONS_MAX_PDF_BYTES = len(data)
    pdf_file_check(file=filer_file_create(data))


def test_the_size_cap_defaults_to_50_mb():
    assert settings.PUBLICATIONS_MAX_PDF_BYTES == 50 * 1024 * 1024


def test_a_cover_is_drawn_from_the_title_when_none_is_uploaded(db):
    paper = WhitepaperFactory(title="Code of Ethics for AI Sustainable Development")

    renditions = whitepaper_cover_refresh(whitepaper=paper)

    paper.refresh_from_db()
    assert paper.cover_renditions == renditions
    assert (renditions["width"], renditions["height"]) == (320, 427)
    for key, pil_format in (("webp", "WEBP"), ("jpeg", "JPEG")):
        assert [r["width"] for r in renditions[key]] == [160, 320, 640]
        for rendition in renditions[key]:
            with _open(rendition["url"]) as image:
                assert image.format == pil_format
                assert image.size == (rendition["width"], round(rendition["width"] * 4 / 3))


def test_a_chinese_title_gets_a_cover_too(db):
    paper = WhitepaperFactory(only_zh=True, zh={"title": "人工智能可持续发展道德规范"},
                              pdf_language="zh-hans")
    assert whitepaper_cover_refresh(whitepaper=paper)["jpeg"]


def test_an_uploaded_cover_is_cropped_to_three_by_four(db):
    paper = WhitepaperFactory(cover=filer_image_create(png_bytes(size=(800, 600))))
    renditions = whitepaper_cover_refresh(whitepaper=paper)
    with _open(renditions["jpeg"][-1]["url"]) as image:
        assert image.size == (640, 853)


def test_an_unchanged_cover_is_not_rendered_again_and_a_new_title_is(db):
    paper = WhitepaperFactory(title="First title")
    first = whitepaper_cover_refresh(whitepaper=paper)
    assert whitepaper_cover_refresh(whitepaper=paper) == first

    paper.set_current_language("en")
    paper.title = "Second title"
    paper.save()
    second = whitepaper_cover_refresh(whitepaper=paper)

    assert second["digest"] != first["digest"]
    old_file = Path(settings.MEDIA_ROOT) / first["jpeg"][0]["url"].removeprefix(settings.MEDIA_URL)
    assert not old_file.exists()


def test_downloads_are_counted_in_the_database_not_in_memory(db):
    paper = WhitepaperFactory()
    stale = Whitepaper.objects.get(pk=paper.pk)  # e.g. loaded by a simultaneous request

    whitepaper_download_record(whitepaper=paper)
    whitepaper_download_record(whitepaper=stale)

    assert Whitepaper.objects.get(pk=paper.pk).download_count == 2


def test_create_makes_a_draft_with_a_cover_in_the_editors_language(db, staff_user):
    from datetime import date

    paper = whitepaper_create(language="zh-hans", title="人工智能伦理", user=staff_user,
                              publication_date=date(2024, 3, 1), abstract="摘要。")

    assert paper.status == Whitepaper.Status.DRAFT and paper.slug == "whitepaper-2024-03"
    assert list(paper.get_available_languages()) == ["zh-hans"]
    assert paper.pdf_language == "zh-hans" and paper.cover_renditions["jpeg"]


def test_without_a_chinese_font_a_chinese_title_is_left_off_not_drawn_as_boxes(monkeypatch):
    from center.publications import covers

    monkeypatch.setattr(covers, "CJK_FONTS", {"bold": [], "regular": []})
    assert covers.cover_png(title="人工智能", year="2021") == covers.cover_png(title="",
                                                                             year="2021")
    assert covers.cover_png(title="AI", year="2021") != covers.cover_png(title="", year="2021")
