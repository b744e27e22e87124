import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import has_chinese

SNIPPET_LENGTH = 220


def _pattern(terms: list[str]) -> re.Pattern | None:
    # English words are matched by a stem-like prefix ("principles" marks "principle") and
    # marked to the end of the word. Chinese has no word ends to extend to: exact terms.
    parts = []
    for term in sorted((t for t in terms if t), key=len, reverse=True):
        if has_chinese(term):
            parts.append(re.escape(term))
        else:
            parts.append(re.escape(term if len(term) <= 5 else term[:-2]) + r"\w*")
    return re.compile("|".join(parts), re.IGNORECASE) if parts else None


def _marked(text: str, pattern: re.Pattern | None) -> str:
    if pattern is None:
        return escape(text)
    pieces, last = [], 0
    for found in pattern.finditer(text):
        pieces.append(escape(text[last:found.start()]))
        pieces.append(f"<mark>{escape(found.group(0))}</mark>")
        last = found.end()
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def snippet(text: str, terms: list[str], length: int = SNIPPET_LENGTH) -> SafeString:
    """A window of `text` around the first matched term, HTML-escaped, with every match
    wrapped in <mark>. Without a match: the beginning of the text."""
    pattern = _pattern(terms)
    match = pattern.search(text) if pattern else None
    start = max(0, match.start() - length // 3) if match else 0
    if start > 0 and " " in text[start:match.start()]:
        start = text.index(" ", start) + 1  # begin at a word, not in the middle of one
    window = text[start:start + length]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + length < len(text) else ""
    return mark_safe(prefix + _marked(window, pattern) + suffix)


def highlight(text: str, terms: list[str]) -> SafeString:
    """All of `text`, escaped, with the matches marked (for result titles)."""
    return mark_safe(_marked(text, _pattern(terms)))
