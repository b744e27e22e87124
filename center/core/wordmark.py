"""The Center's wordmark, inline in the header: inline, its <text> is set in the page's own
font stack (an SVG in <img> sees none of the page's CSS) and takes the link's colour.
Read once per language from static/core/img/wordmark-<language>.svg, the single source."""

import re
from functools import cache

from django.conf import settings

IMG = settings.BASE_DIR / "static" / "core" / "img"
# The file's own accessible name: in the header the link carries the name (as text) and
# the SVG is decoration. Its width and height stay: CSS resizes it, and until the CSS
# arrives the mark is drawn at its own size, not across the whole screen.
DROPPED = re.compile(r'\s(?:role|aria-label)="[^"]*"')
COMMENT = re.compile(r"\s*<!--.*?-->", re.DOTALL)


@cache
def wordmark_svg(language: str) -> str:
    path = IMG / f"wordmark-{language}.svg"
    if not path.exists():
        path = IMG / "wordmark-en.svg"
    svg = COMMENT.sub("", path.read_text(encoding="utf-8")).strip()
    head, rest = svg.split(">", 1)
    head = DROPPED.sub("", head)
    return f'{head} class="brand__wordmark" aria-hidden="true" focusable="false">{rest}'
