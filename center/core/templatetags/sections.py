"""An article's contents list, read from its rendered body: every <h2> gets an id (its own
if an editor gave one) and `contents` lists them, so the list follows the text as it is
edited and costs no query."""

import re

from django import template
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import slugify

register = template.Library()

H2 = re.compile(r"<h2(?P<attrs>\s[^>]*)?>(?P<text>.*?)</h2>", re.DOTALL | re.IGNORECASE)
ID = re.compile(r"""\sid\s*=\s*["']([^"']+)["']""", re.IGNORECASE)


def _sections(html: str) -> tuple[str, list[tuple[str, str]]]:
    entries: list[tuple[str, str]] = []

    def name(match: re.Match) -> str:
        attrs = match.group("attrs") or ""
        text = strip_tags(match.group("text")).strip()
        found = ID.search(attrs)
        anchor = found.group(1) if found else (
            f"section-{len(entries) + 1}" + (f"-{slugify(text)}" if slugify(text) else ""))
        entries.append((anchor, text))
        if found:
            return match.group(0)
        return f'<h2 id="{anchor}"{attrs}>{match.group("text")}</h2>'

    return H2.sub(name, html), entries


@register.filter
def with_section_ids(html: str) -> str:
    return mark_safe(_sections(str(html))[0])  # noqa: S308 - the CMS's own rendered output


@register.filter
def contents(html: str) -> list[tuple[str, str]]:
    return _sections(str(html))[1]
