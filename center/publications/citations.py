"""Citation exports of a whitepaper: BibTeX (@techreport), RIS (RPRT), CSL-JSON (report),
a plain reference for the page's "Cite" box, and the Google Scholar citation_* values.
Built from a Citation in the page's language, so each language cites its own title."""

import json
import re
from dataclasses import dataclass, field
from datetime import date

from django.utils import translation
from django.utils.formats import date_format

from .identifiers import doi_url
from .models import Whitepaper

BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                 "dec"]
# One pass over the text, so the braces added for \ ^ ~ are not escaped again.
BIBTEX_ESCAPES = str.maketrans({
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "%": r"\%",
    "#": r"\#", "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}",
})
CSL_LANGUAGES = {"en": "en", "zh-hans": "zh-Hans"}
WIDE = "\u3000-\u303f\u4e00-\u9fff\uff00-\uffef"
WIDE_GAP = re.compile(rf"(?<=[{WIDE}]) (?=[{WIDE}])")


@dataclass(frozen=True)
class Citation:
    key: str
    title: str
    subtitle: str
    authors: list[str]
    issuer: str
    year: int
    month: int
    version: str = ""
    doi: str = ""
    isbn: str = ""
    language: str = "en"
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    url: str = ""
    pdf_url: str = ""

    @property
    def full_title(self) -> str:
        if not self.subtitle:
            return self.title
        separator = "——" if self.language == "zh-hans" else ": "
        return f"{self.title}{separator}{self.subtitle}"

    @property
    def creators(self) -> list[str]:
        # A report without named authors is authored by the body that issued it.
        return self.authors or ([self.issuer] if self.issuer else [])


def _text(obj, name: str, language: str) -> str:
    # The language is explicit: a parler object keeps the one it was loaded in.
    return obj.safe_translation_getter(name, language_code=language, any_language=True) or ""


def _one_line(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    # Chinese sentences are not separated by spaces: joined paragraphs should not be either.
    return WIDE_GAP.sub("", text)


def citation_for(whitepaper: Whitepaper, *, url: str = "", pdf_url: str = "") -> Citation:
    """The whitepaper in the active language (else any it is written in), with absolute
    URLs of its page and PDF. Its language is that of the texts cited."""
    language = translation.get_language()
    return Citation(
        key=f"{whitepaper.slug}-{whitepaper.publication_date.year}",
        title=_one_line(_text(whitepaper, "title", language)),
        subtitle=_one_line(_text(whitepaper, "subtitle", language)),
        authors=[_one_line(_text(person, "name", language) or person.slug)
                 for person in whitepaper.ordered_authors()],
        issuer=_one_line(_text(whitepaper, "issuing_body", language)),
        year=whitepaper.publication_date.year,
        month=whitepaper.publication_date.month,
        version=whitepaper.version,
        doi=whitepaper.doi,
        isbn=whitepaper.isbn,
        language=whitepaper.fallback_language(language) or language,
        abstract=_one_line(_text(whitepaper, "abstract", language)),
        keywords=[_one_line(_text(topic, "name", language) or topic.slug)
                  for topic in whitepaper.topics.all()],
        url=url,
        pdf_url=pdf_url if whitepaper.pdf_available else "",
    )


def bibtex_escape(text: str) -> str:
    return text.translate(BIBTEX_ESCAPES)


def bibtex(c: Citation) -> str:
    # Each name in its own braces: BibTeX would otherwise read "Tian Feng" as given name
    # "Tian", family name "Feng", the wrong way round for Chinese names and for institutes.
    fields = [
        ("author", " and ".join(f"{{{bibtex_escape(name)}}}" for name in c.creators)),
        ("title", bibtex_escape(c.full_title)),
        ("institution", bibtex_escape(c.issuer)),
        ("type", "Whitepaper"),
        ("year", str(c.year)),
        ("version", bibtex_escape(c.version)),
        ("doi", bibtex_escape(c.doi)),
        ("isbn", c.isbn),
        ("language", c.language),
        ("keywords", bibtex_escape(", ".join(c.keywords))),
        ("url", bibtex_escape(c.url)),
        ("abstract", bibtex_escape(c.abstract)),
    ]
    lines = [f"@techreport{{{c.key},"]
    for name, value in fields:
        if value:
            lines.append(f"  {name} = {{{value}}},")
        if name == "year":
            lines.append(f"  month = {BIBTEX_MONTHS[c.month - 1]},")  # the standard macro
    lines.append("}")
    return "\n".join(lines) + "\n"


def ris(c: Citation) -> str:
    lines = [("TY", "RPRT"), ("TI", c.full_title)]
    lines += [("AU", name) for name in c.creators]
    lines += [("PY", str(c.year)), ("DA", f"{c.year}/{c.month:02d}"), ("PB", c.issuer),
              ("ET", c.version), ("DO", c.doi), ("SN", c.isbn), ("LA", c.language),
              ("AB", c.abstract)]
    lines += [("KW", keyword) for keyword in c.keywords]
    lines += [("UR", c.url), ("L1", c.pdf_url)]
    body = "".join(f"{tag}  - {value}\r\n" for tag, value in lines if value)
    return body + "ER  - \r\n"


def csl_json(c: Citation) -> str:
    item = {
        "id": c.key,
        "type": "report",
        "genre": "Whitepaper",
        "title": c.full_title,
        "author": [{"literal": name} for name in c.creators],
        "issued": {"date-parts": [[c.year, c.month]]},
        "publisher": c.issuer,
        "version": c.version,
        "DOI": c.doi,
        "ISBN": c.isbn,
        "language": CSL_LANGUAGES.get(c.language, c.language),
        "abstract": c.abstract,
        "keyword": ", ".join(c.keywords),
        "URL": c.url,
    }
    return json.dumps([{k: v for k, v in item.items() if v}], ensure_ascii=False, indent=2)


def reference(c: Citation) -> str:
    """A reference to paste into a text: GB/T 7714 style in Chinese; in English, authors,
    title, issuing body and month."""
    names = ", ".join(c.creators)
    if c.language == "zh-hans":
        parts = [names, f"{c.full_title}[R]", ", ".join(filter(None, [c.issuer, str(c.year)]))]
    else:
        with translation.override(c.language):
            when = date_format(date(c.year, c.month, 1), "YEAR_MONTH_FORMAT")
        version = f" ({c.version})" if c.version else ""
        parts = [names, c.full_title + version, ", ".join(filter(None, [c.issuer, when]))]
    text = ". ".join(part for part in parts if part) + "."
    link = doi_url(c.doi) or c.url
    return f"{text} {link}" if link else text


def scholar_meta(c: Citation) -> list[tuple[str, str]]:
    """Google Scholar's citation_* meta tags, as (name, content) pairs."""
    tags = [("citation_title", c.full_title)]
    tags += [("citation_author", name) for name in c.authors]
    tags += [
        ("citation_publication_date", f"{c.year}/{c.month:02d}"),
        ("citation_technical_report_institution", c.issuer),
        ("citation_language", c.language),
        ("citation_doi", c.doi),
        ("citation_isbn", c.isbn),
        ("citation_keywords", "; ".join(c.keywords)),
        ("citation_abstract_html_url", c.url),
        ("citation_pdf_url", c.pdf_url),
    ]
    return [(name, value) for name, value in tags if value]
