import hashlib
from io import BytesIO

from filer.models import File
from pypdf import PdfReader

from center.publications.demo import SLUG, load_demo_content, summary_pdf
from center.publications.models import Topic, Whitepaper

from .factories import PersonFactory


def _counts():
    return Whitepaper.objects.count(), Topic.objects.count(), File.objects.count()


def test_demo_is_idempotent(db):
    first = load_demo_content()
    counts = _counts()

    second = load_demo_content()

    assert "1 created" in first and "nothing to do" in second
    assert _counts() == counts == (1, 3, 1)


def test_demo_paper_follows_the_seed_in_both_languages(db):
    tian = PersonFactory(slug="tian-feng", name="Tian Feng", zh={"name": "田丰"})
    load_demo_content()

    paper = Whitepaper.objects.get(slug=SLUG)
    assert paper.is_visible and paper.ordered_authors() == [tian]
    assert paper.publication_date.isoformat() == "2021-06-01"
    en = paper.safe_translation_getter("title", language_code="en")
    zh = paper.safe_translation_getter("title", language_code="zh-hans")
    assert (en, zh) == ("Code of Ethics for AI Sustainable Development",
                        "人工智能可持续发展道德规范")
    assert (paper.safe_translation_getter("issuing_body", language_code="zh-hans")
            == "商汤智能产业研究院")
    abstract = paper.safe_translation_getter("abstract", language_code="en")
    for concept in ("respect for consultation and an inclusive culture", "people-oriented",
                    "innovation through scientific research", "industrial integration",
                    "credibility", "AI for a better tomorrow", "AI smart cities"):
        assert concept in abstract
    zh_abstract = paper.safe_translation_getter("abstract", language_code="zh-hans")
    assert "尊重协商、包容文化" in zh_abstract


def test_no_author_is_invented_when_the_people_demo_has_not_run(db):
    load_demo_content()
    assert Whitepaper.objects.get().ordered_authors() == []
    assert not Whitepaper.objects.get().authors.exists()


def test_demo_pdf_is_a_real_two_page_summary_whose_hash_is_shown(db):
    data = summary_pdf()
    reader = PdfReader(BytesIO(data))

    assert data.startswith(b"%PDF-") and len(reader.pages) == 2
    assert reader.metadata.title == "Code of Ethics for AI Sustainable Development"
    assert summary_pdf() == data  # same bytes every time, hence the same SHA-256
    load_demo_content()
    paper = Whitepaper.objects.get()
    assert paper.pdf_sha256 == hashlib.sha256(data).hexdigest() and paper.pdf_pages == 2


def test_demo_paper_renders_in_both_languages(client, demo_pages):
    PersonFactory(slug="tian-feng", name="Tian Feng", zh={"name": "田丰"})
    load_demo_content()

    listing = client.get("/zh-hans/whitepapers/").content.decode().replace("<wbr>", "")
    english = client.get(f"/en/whitepapers/{SLUG}/").content.decode()
    chinese = client.get(f"/zh-hans/whitepapers/{SLUG}/").content.decode().replace("<wbr>", "")

    assert "人工智能可持续发展道德规范" in listing and "AI伦理" in listing
    assert "<h1>Code of Ethics for AI Sustainable Development</h1>" in english
    assert 'href="/en/speakers/tian-feng/">Tian Feng</a>' in english
    assert "<h1>人工智能可持续发展道德规范</h1>" in chinese and "尚未翻译" not in chinese
    assert client.get(f"/en/whitepapers/{SLUG}/download/")["Content-Type"] == "application/pdf"
