"""A whitepaper's page promises a PDF with a given SHA-256, size and page count. These tests
change the file behind a published paper by every route there is (filer's admin as an
Editor, a script saving the media-library file, bytes rewritten in storage) and check that
visitors are never served bytes the page does not describe."""

import hashlib
import logging

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from filer.models import File, Folder

from center.publications.models import Whitepaper
from tests.support.forms import form_values
from tests.support.users import UserFactory

from .factories import pdf_bytes

DOWNLOAD = "/en/whitepapers/ai-and-law/download/"
PAGE = "/en/whitepapers/ai-and-law/"
HTML = b"<html><script>alert('not the paper')</script></html>"

pytestmark = pytest.mark.usefixtures("demo_pages")  # the whitepapers apphook


@pytest.fixture
def editor_client(client, whitepaper):
    # filer lets a non-superuser edit files kept in a folder (not the unsorted ones).
    File.objects.filter(pk=whitepaper.pdf_id).update(
        folder=Folder.objects.create(name="Whitepapers"))
    client.force_login(UserFactory(username="eddie", group="Editors"))
    return client


def _replace_in_filer_admin(client, file: File, data: bytes, name: str = "paper.pdf"):
    """What an Editor does in the media library: open the file, "Change file", save."""
    url = f"/en/admin/filer/file/{file.pk}/change/"
    page = client.get(url)
    assert page.status_code == 200
    values = form_values(page.content.decode(), form_id="file_form")
    values["file"] = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(url, values)


def _downloaded(client) -> bytes:
    response = client.get(DOWNLOAD)
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_an_editor_cannot_put_html_behind_a_published_paper(editor_client, whitepaper):
    old_body, old_hash = _downloaded(editor_client), whitepaper.pdf_sha256

    response = _replace_in_filer_admin(editor_client, whitepaper.pdf, HTML)

    assert response.status_code == 200
    assert ("This file is the PDF of the whitepaper “AI and Law”: This file is not a PDF"
            in response.content.decode())
    body = _downloaded(editor_client)
    assert body == old_body and hashlib.sha256(body).hexdigest() == old_hash
    assert old_hash in editor_client.get(PAGE).content.decode()


def test_an_editor_replacing_the_pdf_updates_the_facts_the_page_shows(editor_client,
                                                                      whitepaper):
    _downloaded(editor_client)  # the old file's hash is now cached
    new = pdf_bytes(pages=3, colour="black")

    response = _replace_in_filer_admin(editor_client, whitepaper.pdf, new)

    assert response.status_code == 302, response.content.decode()[-2000:]
    whitepaper.refresh_from_db()
    new_hash = hashlib.sha256(new).hexdigest()
    assert (whitepaper.pdf_sha256, whitepaper.pdf_size, whitepaper.pdf_pages) == (
        new_hash, len(new), 3)
    assert new_hash in editor_client.get(PAGE).content.decode()
    assert _downloaded(editor_client) == new


def test_a_file_replaced_by_another_route_is_withheld_not_served(client, whitepaper, caplog):
    old_hash = whitepaper.pdf_sha256
    media_file = File.objects.get(pk=whitepaper.pdf_id)

    with caplog.at_level(logging.ERROR, logger="center.publications"):
        media_file.file = ContentFile(HTML, name="paper.pdf")  # e.g. a script, the shell
        media_file.save()

    whitepaper.refresh_from_db()
    assert whitepaper.pdf_problem == Whitepaper.PdfProblem.NOT_PDF
    assert whitepaper.pdf_sha256 == old_hash  # the last sound file's facts are kept
    assert "PDF withheld from visitors" in caplog.text
    response = client.get(DOWNLOAD)
    assert response.status_code == 503 and response["Retry-After"]
    assert b"<script>" not in response.content
    assert "This PDF is being checked" in response.content.decode()
    page = client.get(PAGE).content.decode()
    assert old_hash not in page and "Download PDF" not in page
    assert "The PDF has changed and is being checked" in page
    chinese = client.get("/zh-hans/whitepapers/ai-and-law/download/").content.decode()
    assert "正在核查" in chinese


def test_bytes_changed_in_storage_are_refused_even_after_a_cached_download(client,
                                                                           whitepaper):
    original = _downloaded(client)
    tampered = original.replace(b"%PDF-", b"EVIL!", 1)  # same size, other bytes
    assert len(tampered) == len(original)
    with open(whitepaper.pdf.file.path, "r+b") as stored:  # behind the application's back
        stored.write(tampered)

    response = client.get(DOWNLOAD)

    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html") and b"EVIL!" not in response.content
    whitepaper.refresh_from_db()
    assert whitepaper.pdf_problem == Whitepaper.PdfProblem.CHANGED
    assert whitepaper.pdf_sha256 not in client.get(PAGE).content.decode()


def test_a_sound_pdf_from_the_media_library_serves_a_withheld_paper_again(editor_client,
                                                                          whitepaper):
    media_file = File.objects.get(pk=whitepaper.pdf_id)
    media_file.file = ContentFile(HTML, name="paper.pdf")
    media_file.save()
    assert editor_client.get(DOWNLOAD).status_code == 503
    new = pdf_bytes(pages=4)

    response = _replace_in_filer_admin(editor_client, whitepaper.pdf, new)

    assert response.status_code == 302
    whitepaper.refresh_from_db()
    assert whitepaper.pdf_problem == "" and whitepaper.pdf_pages == 4
    assert _downloaded(editor_client) == new
