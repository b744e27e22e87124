import hashlib

import pytest
from django.contrib.redirects.models import Redirect

from center.publications.models import Whitepaper

from .factories import (
    PersonFactory,
    TopicFactory,
    WhitepaperFactory,
    filer_file_create,
    filer_image_create,
    pdf_bytes,
    png_bytes,
)

ADD_URL = "/en/admin/publications/whitepaper/add/?language=en"


@pytest.fixture
def admin_client(client, staff_user):
    client.force_login(staff_user)
    return client


def _form(**overrides):
    data = {
        "title": "AI and Law", "subtitle": "", "slug": "ai-and-law", "abstract": "",
        "issuing_body": "Law Institute", "publication_date": "2021-06-01", "version": "",
        "doi": "", "isbn": "", "pdf": "", "pdf_language": "en", "cover": "",
        "published_at_0": "", "published_at_1": "",
        "authorships-TOTAL_FORMS": "0", "authorships-INITIAL_FORMS": "0",
        "authorships-MIN_NUM_FORMS": "0", "authorships-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


def _change_url(paper) -> str:
    return f"/en/admin/publications/whitepaper/{paper.pk}/change/?language=en"


def test_adding_a_paper_with_a_pdf_and_authors_stores_its_facts_and_cover(admin_client):
    data = pdf_bytes(pages=2)
    tian, ji = PersonFactory(name="Tian Feng"), PersonFactory(name="Ji Weidong")
    topic = TopicFactory()

    response = admin_client.post(ADD_URL, _form(
        pdf=str(filer_file_create(data).pk), topics=[topic.pk],
        doi="https://doi.org/10.1000/XYZ", isbn="978-3-16-148410-0", **{
            "authorships-TOTAL_FORMS": "2",
            "authorships-0-order": "1", "authorships-0-person": str(tian.pk),
            "authorships-1-order": "2", "authorships-1-person": str(ji.pk)}))

    assert response.status_code == 302, response.content.decode()[-3000:]
    paper = Whitepaper.objects.get()
    assert paper.pdf_sha256 == hashlib.sha256(data).hexdigest() and paper.pdf_pages == 2
    assert paper.cover_renditions["jpeg"] and paper.status == Whitepaper.Status.DRAFT
    assert paper.ordered_authors() == [tian, ji] and list(paper.topics.all()) == [topic]
    assert (paper.doi, paper.isbn) == ("10.1000/XYZ", "9783161484100")


def test_replacing_the_pdf_updates_its_facts(admin_client):
    paper = WhitepaperFactory(slug="ai-and-law", title="AI and Law", with_pdf=True)
    data = pdf_bytes(pages=5, colour="black")

    response = admin_client.post(_change_url(paper), _form(pdf=str(filer_file_create(data).pk)))

    assert response.status_code == 302
    paper.refresh_from_db()
    assert paper.pdf_pages == 5 and paper.pdf_sha256 == hashlib.sha256(data).hexdigest()


@pytest.mark.parametrize("data, name", [(png_bytes(), "renamed.pdf"),
                                        (b"<html>not a pdf</html>", "page.pdf")])
def test_a_file_that_is_not_a_pdf_is_refused_and_the_old_pdf_kept(admin_client, data, name):
    paper = WhitepaperFactory(slug="ai-and-law", title="AI and Law", with_pdf=True)
    old_pdf, old_hash = paper.pdf_id, paper.pdf_sha256
    impostor = filer_file_create(data, name=name)

    response = admin_client.post(_change_url(paper), _form(pdf=str(impostor.pk),
                                                           title="Renamed"))

    assert response.status_code == 200
    assert "This file is not a PDF (whatever its name says)." in response.content.decode()
    paper.refresh_from_db()
    assert (paper.pdf_id, paper.pdf_sha256) == (old_pdf, old_hash)
    assert paper.safe_translation_getter("title", language_code="en") == "AI and Law"
    assert impostor.file.storage.exists(impostor.file.name)  # nothing is deleted either


def test_a_pdf_over_the_cap_is_refused_with_the_limit_named(admin_client, settings):
    settings.PUBLICATIONS_MAX_PDF_BYTES = 1024
    big = filer_file_create(b"%PDF-1.7\n" + b"0" * 4096)

    response = admin_client.post(ADD_URL, _form(pdf=str(big.pk)))

    assert response.status_code == 200
    assert "whitepaper PDFs may be at most 1.0\xa0KB" in response.content.decode()
    assert not Whitepaper.objects.exists()


def test_an_unreadable_cover_is_refused(admin_client):
    broken = filer_image_create(png_bytes())
    with broken.file.open("wb") as stream:
        stream.write(b"\x89PNG\r\n\x1a\n garbage")

    response = admin_client.post(ADD_URL, _form(cover=str(broken.pk)))

    assert "This file is not an image we can show" in response.content.decode()
    assert not Whitepaper.objects.exists()


def test_bad_identifiers_get_clear_errors(admin_client):
    response = admin_client.post(ADD_URL, _form(doi="not-a-doi", isbn="978-3-16-148410-1"))
    html = response.content.decode()
    assert "Enter a DOI such as 10.1000/xyz123" in html
    assert "Enter a valid ISBN-10 or ISBN-13" in html


def test_renaming_a_slug_redirects_the_old_address_in_both_languages(admin_client, demo_pages):
    paper = WhitepaperFactory(slug="ai-and-law", title="AI and Law")

    response = admin_client.post(_change_url(paper), _form(slug="law-and-ai"))

    assert response.status_code == 302
    visitor = admin_client.__class__()
    for language in ("en", "zh-hans"):
        old = visitor.get(f"/{language}/whitepapers/ai-and-law/")
        assert old.status_code == 301
        assert old["Location"] == f"/{language}/whitepapers/law-and-ai/"
        assert visitor.get(old["Location"]).status_code == 200


def test_saving_without_a_new_slug_adds_no_redirect(admin_client, demo_pages):
    paper = WhitepaperFactory(slug="ai-and-law")
    admin_client.post(_change_url(paper), _form(title="AI and the Law"))
    assert not Redirect.objects.exists()


def test_publish_action_publishes_drafts_and_skips_the_rest(admin_client):
    draft, published = WhitepaperFactory(draft=True), WhitepaperFactory()

    response = admin_client.post("/en/admin/publications/whitepaper/", {
        "action": "publish", "_selected_action": [draft.pk, published.pk]}, follow=True)

    draft.refresh_from_db()
    assert draft.is_visible
    messages = [str(m) for m in response.context["messages"]]
    assert any("1 whitepaper published" in m for m in messages)
    assert any("skipped" in m for m in messages)


def test_admin_pages_open(admin_client):
    paper = WhitepaperFactory(with_pdf=True)
    for url in ("/en/admin/publications/whitepaper/", ADD_URL, _change_url(paper),
                "/en/admin/publications/whitepaper/?q=Whitepaper&status__exact=draft",
                "/en/admin/publications/topic/", "/zh-hans/admin/publications/whitepaper/"):
        assert admin_client.get(url).status_code == 200, url
