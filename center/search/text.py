"""Turning text and queries into what PostgreSQL's full-text search can match.

English uses the `english` configuration (stemming: "principles" finds "principle").
Chinese is written without spaces, so the `simple` configuration would see a whole sentence
as one word: jieba splits it into words first, for documents and queries alike."""

import html
import logging
import re

import jieba

jieba.setLogLevel(logging.WARNING)  # it announces building its dictionary on first use

MAX_QUERY_LENGTH = 200
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HAN = re.compile(r"[\u3400-\u9fff]")


def config_for(language: str) -> str:
    return "english" if language == "en" else "simple"


def has_chinese(text: str) -> bool:
    return bool(_HAN.search(text))


def segment(text: str) -> str:
    """Chinese runs split into space-separated words (search mode: long words and their
    parts, so 人工智能 also finds 智能); other text is left as it is."""
    if not has_chinese(text):
        return text
    return " ".join(word for word in jieba.cut_for_search(text) if word.strip())


def clean_query(raw: str | None) -> str:
    """What we search for: control characters (NUL breaks PostgreSQL) removed, spaces
    collapsed, and cut to a sensible length."""
    text = _CONTROL.sub(" ", raw or "")
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def query_terms(query: str) -> list[str]:
    """Words to highlight in snippets (and to match on databases without full-text search)."""
    words = re.findall(r"\w+", segment(query))
    return [w for w in words if len(w) > 1 or has_chinese(w)][:12]


def plain_text(markup: str) -> str:
    """Text of an HTML fragment, with a space wherever a tag was ("</p><p>" must not glue
    two sentences together) and entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup or "")).split())
