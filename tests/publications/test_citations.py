import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware, SeparateCoAuthors
from django.utils import translation

from center.publications.citations import bibtex, citation_for, csl_json, reference, ris

from .factories import PersonFactory, TopicFactory, WhitepaperAuthorFactory, WhitepaperFactory

URL = "https://example.org/en/whitepapers/ai-and-law/"
PDF_URL = URL + "download/"


@pytest.fixture
def paper(db):
    paper = WhitepaperFactory(
        slug="ai-and-law", title="AI and Law", subtitle="A Primer", issuing_body="Law Institute",
        abstract="First paragraph.\n\nSecond paragraph.", version="2.0", doi="10.1000/xyz123",
        isbn="9783161484100", with_pdf=True,
        zh={"title": "人工智能与法律", "issuing_body": "法学研究院",
            "abstract": "第一段。\n\n第二段。"},
    )
    paper.topics.add(TopicFactory(name="AI ethics", zh={"name": "AI伦理"}))
    for order, (name, zh) in enumerate([("Tian Feng", "田丰"), ("Ji Weidong", "季卫东")]):
        WhitepaperAuthorFactory(whitepaper=paper, order=order,
                                person=PersonFactory(name=name, zh={"name": zh}))
    return paper


def _citation(paper, language="en"):
    with translation.override(language):
        return citation_for(paper, url=URL, pdf_url=PDF_URL)


def _bib_entry(text: str):
    library = bibtexparser.parse_string(
        text, append_middleware=[LatexDecodingMiddleware(), SeparateCoAuthors()])
    assert not library.failed_blocks
    (entry,) = library.entries
    return entry


def test_bibtex_is_a_techreport_that_bibtexparser_reads(paper):
    entry = _bib_entry(bibtex(_citation(paper)))
    fields = {name: field.value for name, field in entry.fields_dict.items()}

    assert entry.entry_type == "techreport" and entry.key == "ai-and-law-2021"
    assert fields["author"] == ["Tian Feng", "Ji Weidong"]  # whole names, never split
    assert fields["title"] == "AI and Law: A Primer"
    assert fields["institution"] == "Law Institute"
    assert (fields["year"], fields["month"]) == ("2021", "jun")
    assert fields["doi"] == "10.1000/xyz123" and fields["isbn"] == "9783161484100"
    assert fields["url"] == URL
    assert fields["abstract"] == "First paragraph. Second paragraph."


def test_bibtex_escapes_special_characters_so_nothing_leaks_out_of_a_field(paper):
    paper.set_current_language("en")
    paper.title = r"AI & Law: 100% {sure}, $5_000 #1 \ ~ x}, note = {injected"
    paper.save()

    text = bibtex(_citation(paper))
    fields = {name: f.value for name, f in _bib_entry(text).fields_dict.items()}

    assert fields["title"] == r"AI & Law: 100% {sure}, $5_000 #1 \ ~ x}, note = {injected: A Primer"
    assert "note" not in fields
    assert text.count("{") == text.count("}")


def test_bibtex_without_authors_credits_the_issuing_body(db):
    paper = WhitepaperFactory(issuing_body="SenseTime Intelligent Industry Research Institute")
    fields = _bib_entry(bibtex(_citation(paper))).fields_dict
    assert fields["author"].value == ["SenseTime Intelligent Industry Research Institute"]


def test_ris_is_a_report_that_rispy_reads(paper):
    (record,) = rispy.loads(ris(_citation(paper)))

    assert record["type_of_reference"] == "RPRT"
    assert record["title"] == "AI and Law: A Primer"
    assert record["authors"] == ["Tian Feng", "Ji Weidong"]
    assert (record["year"], record["date"]) == ("2021", "2021/06")
    assert record["publisher"] == "Law Institute" and record["edition"] == "2.0"
    assert record["doi"] == "10.1000/xyz123" and record["keywords"] == ["AI ethics"]
    assert record["urls"] == [URL] and record["file_attachments1"] == PDF_URL
    assert record["abstract"] == "First paragraph. Second paragraph."  # RIS values are one line


def test_csl_json_is_a_report_item(paper):
    (item,) = json.loads(csl_json(_citation(paper)))

    assert item["type"] == "report" and item["id"] == "ai-and-law-2021"
    assert item["author"] == [{"literal": "Tian Feng"}, {"literal": "Ji Weidong"}]
    assert item["issued"] == {"date-parts": [[2021, 6]]}
    assert item["publisher"] == "Law Institute" and item["DOI"] == "10.1000/xyz123"
    assert item["URL"] == URL and item["language"] == "en"


def test_chinese_citations_use_the_chinese_texts(paper):
    citation = _citation(paper, "zh-hans")

    (record,) = rispy.loads(ris(citation))
    (item,) = json.loads(csl_json(citation))

    assert record["title"] == "人工智能与法律" and record["authors"] == ["田丰", "季卫东"]
    assert item["publisher"] == "法学研究院" and item["language"] == "zh-Hans"
    assert item["abstract"] == "第一段。第二段。"  # no stray space between Chinese sentences
    with translation.override("zh-hans"):
        assert reference(citation) == (
            "田丰, 季卫东. 人工智能与法律[R]. 法学研究院, 2021. https://doi.org/10.1000/xyz123")


def test_an_untranslated_paper_is_cited_in_its_own_language(db):
    paper = WhitepaperFactory(title="AI and Law", issuing_body="Law Institute")
    citation = _citation(paper, "zh-hans")
    assert citation.language == "en"
    with translation.override("zh-hans"):
        assert reference(citation) == f"Law Institute. AI and Law. Law Institute, June 2021. {URL}"
