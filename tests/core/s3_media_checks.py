"""Checks run with S3 on from the process's start (filer and easy-thumbnails pick their
storages at import): tests/core/test_s3_media.py starts moto's S3 server and runs this file
in a pytest of its own with the MEDIA_S3_* variables set. Not collected by the normal run."""

import os
import time
import urllib.error
import urllib.parse
import urllib.request

import boto3
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from filer.models import File

from center.publications.models import Whitepaper
from tests.publications.factories import filer_image_create, pdf_bytes, png_bytes
from tests.support.s3 import BUCKET

ENDPOINT = os.environ.get("MEDIA_S3_ENDPOINT_URL", "")


@pytest.fixture(autouse=True)
def _s3_on():
    if not settings.MEDIA_S3_ENABLED:
        pytest.fail("run by tests/core/test_s3_media.py, with the MEDIA_S3_* variables set")


def _bucket_keys(prefix=""):
    client = boto3.client("s3", endpoint_url=ENDPOINT, region_name=settings.STORAGES[
        "default"]["OPTIONS"]["region_name"],
        aws_access_key_id=os.environ["MEDIA_S3_ACCESS_KEY_ID"],
        aws_secret_access_key=os.environ["MEDIA_S3_SECRET_ACCESS_KEY"])
    found = client.list_objects_v2(Bucket=BUCKET, Prefix=prefix).get("Contents", [])
    return {item["Key"] for item in found}


def _fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""


def _upload_through_filer(client, data, name):
    """The media library's upload button: one multipart POST to filer's admin."""
    before = set(File.objects.values_list("pk", flat=True))
    response = client.post(reverse("admin:filer-ajax_upload"),
                           {"file": SimpleUploadedFile(name, data)})
    assert response.status_code == 200, response.content[:500]
    return File.objects.exclude(pk__in=before).get()


def _add_whitepaper(client, **fields):
    data = {
        "title": "AI and Law", "subtitle": "", "slug": "ai-and-law", "abstract": "",
        "issuing_body": "Law Institute", "publication_date": "2021-06-01", "version": "",
        "doi": "", "isbn": "", "pdf": "", "pdf_language": "en", "cover": "",
        "published_at_0": "", "published_at_1": "",
        "authorships-TOTAL_FORMS": "0", "authorships-INITIAL_FORMS": "0",
        "authorships-MIN_NUM_FORMS": "0", "authorships-MAX_NUM_FORMS": "1000", **fields}
    response = client.post("/en/admin/publications/whitepaper/add/?language=en", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    return Whitepaper.objects.get(slug=data["slug"])


@pytest.fixture
def staff(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("editor", "e@example.org",
                                                                  "secret"))
    return client


def test_a_whitepaper_uploaded_in_the_admin_lives_in_the_bucket(staff, demo_pages):
    pdf = pdf_bytes(pages=2)
    pdf_file = _upload_through_filer(staff, pdf, "paper.pdf")
    cover = _upload_through_filer(staff, png_bytes(), "cover.png")

    paper = _add_whitepaper(staff, pdf=str(pdf_file.pk), cover=str(cover.pk))

    # A draft's PDF sits in the private part; the cover and its renditions are public.
    pdf_key = f"private/{Whitepaper.objects.get(pk=paper.pk).pdf.file.name}"
    assert pdf_key in _bucket_keys("private/")
    assert _bucket_keys("public/filer_public/")
    assert _bucket_keys(f"public/publications/covers/{paper.pk}/")
    assert _fetch(f"{ENDPOINT}/{BUCKET}/{pdf_key}")[0] == 403  # no public URL for a draft
    preview = staff.get(paper.get_absolute_url()).content.decode()
    assert "filer_private" not in preview and "X-Amz-Signature" not in preview

    staff.post("/en/admin/publications/whitepaper/", {
        "action": "publish", "_selected_action": [paper.pk]})
    paper.refresh_from_db()
    assert paper.is_published and paper.pdf.is_public
    assert not _bucket_keys("private/")  # moved to the public part on publishing

    page = staff.get(paper.get_absolute_url()).content.decode()
    cover_url = paper.cover_renditions["jpeg"][0]["url"]
    assert cover_url.startswith(f"{ENDPOINT}/{BUCKET}/public/publications/covers/")
    assert cover_url in page
    status, body = _fetch(cover_url)
    assert status == 200 and body[:3] == b"\xff\xd8\xff"  # a JPEG, read by anyone


def test_a_published_download_redirects_to_the_exact_bytes(client, staff, demo_pages):
    pdf = pdf_bytes(pages=3)
    paper = _add_whitepaper(staff, pdf=str(_upload_through_filer(staff, pdf, "p.pdf").pk))
    staff.post("/en/admin/publications/whitepaper/", {
        "action": "publish", "_selected_action": [paper.pk]})
    client.logout()

    response = client.get(reverse("publications:whitepaper_download",
                                  kwargs={"slug": paper.slug}))

    assert response.status_code == 302 and "no-store" in response["Cache-Control"]
    assert response["Location"].startswith(f"{ENDPOINT}/{BUCKET}/public/filer_public/")
    assert "X-Amz-Signature=" in response["Location"]
    assert _fetch(response["Location"]) == (200, pdf)
    paper.refresh_from_db()
    assert paper.download_count == 1


def test_a_drafts_preview_gets_a_short_lived_signed_url(staff, settings, demo_pages):
    settings.MEDIA_S3_SIGNED_URL_SECONDS = 1
    pdf = pdf_bytes(pages=1)
    paper = _add_whitepaper(staff, pdf=str(_upload_through_filer(staff, pdf, "d.pdf").pk))

    signed_at = time.time()
    response = staff.get(reverse("publications:whitepaper_download",
                                 kwargs={"slug": paper.slug}))

    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith(f"{ENDPOINT}/{BUCKET}/private/filer_private/")
    assert _fetch(location) == (200, pdf)
    assert _fetch(location.split("?")[0])[0] == 403  # the object itself is not public
    # moto does not enforce expiry (S3 does): the signature covers a 1 s lifetime from now.
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(location).query)
    assert query["X-Amz-Expires"] == ["1"]
    signed = time.mktime(time.strptime(query["X-Amz-Date"][0], "%Y%m%dT%H%M%SZ")) - time.timezone
    assert abs(signed - signed_at) < 5
    paper.refresh_from_db()
    assert paper.download_count == 0  # staff previews are not downloads


def test_the_demo_loads_with_s3_on_and_its_pages_show_bucket_urls(client, demo_pages):
    call_command("load_demo", verbosity=0)

    paper = Whitepaper.objects.filter(status=Whitepaper.Status.PUBLISHED).first()
    assert paper is not None and paper.pdf_id
    page = client.get(paper.get_absolute_url())
    assert page.status_code == 200
    assert f"{ENDPOINT}/{BUCKET}/public/publications/covers/" in page.content.decode()
    for path in ("/en/", "/zh-hans/", reverse("publications:whitepaper_list")):
        assert client.get(path).status_code == 200
    download = client.get(reverse("publications:whitepaper_download",
                                  kwargs={"slug": paper.slug}))
    assert download.status_code == 302 and _fetch(download["Location"])[0] == 200


def test_an_uploaded_portrait_gets_thumbnails_in_the_bucket(staff):
    image = filer_image_create(png_bytes((400, 400)))
    assert staff.get(f"/en/admin/filer/image/{image.pk}/change/").status_code == 200
    assert _bucket_keys("public/filer_public_thumbnails/")
