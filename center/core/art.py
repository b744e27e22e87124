"""Designed stand-ins for pictures the Center does not have: cover art for news, events and
whitepapers, and monograms for people. Pure functions of an item's key (its id or slug), so
the same item always gets the same art, two items differ, and nothing is stored or looked
up: a template renders a few hundred bytes of inline SVG."""

import hashlib
import unicodedata

# The identity's palette: the accent family plus one warm highlight (site.css has the same).
INK = "#08475a"
ACCENT = "#0b5f74"
TINT = "#e6f1f4"
WARM = "#e0a43c"
GROUNDS = (("#0b5f74", "#e6f1f4"), ("#08475a", "#9fd0dc"), ("#e6f1f4", "#0b5f74"),
           ("#12384a", "#e0a43c"))

# Each kind's glyph, drawn in a 24-unit box (stroke only).
GLYPHS = {
    "news": "M4 5h16v14H4zM7 9h10M7 12h10M7 15h6",
    "event": "M4 6h16v14H4zM4 10h16M8 3v5M16 3v5M8 14h3v3H8z",
    "whitepaper": "M6 3h9l4 4v14H6zM15 3v4h4M9 11h7M9 14h7M9 17h5",
}
# width, height of the art for each kind (the shape of the real picture it stands in for).
SHAPES = {"news": (160, 90), "event": (90, 90), "whitepaper": (90, 120)}


def _numbers(kind: str, key) -> bytes:
    return hashlib.sha256(f"{kind}:{key}".encode()).digest()


def cover_svg(kind: str, key) -> str:
    """An inline SVG for one item: a ground from the palette, a motif of circles and a
    diagonal placed by the item's hash, and the kind's glyph in a corner. Decorative
    (aria-hidden): the item's title is always beside it."""
    n = _numbers(kind, key)
    width, height = SHAPES[kind]
    ground, figure = GROUNDS[n[0] % len(GROUNDS)]
    shapes = []
    for i in range(3):
        cx = n[1 + i] * width // 255
        cy = n[4 + i] * height // 255
        r = 12 + n[7 + i] % (height // 2)
        second = WARM if figure != WARM else "#9fd0dc"
        fill = (figure, second, TINT if ground != TINT else ACCENT)[i]
        opacity = (0.9, 0.85, 0.35)[i]
        shapes.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}" opacity="{opacity}"/>')
    x1 = n[10] * width // 255
    shapes.append(f'<path d="M{x1} {height}L{width} {n[11] * height // 255}V{height}z" '
                  f'fill="{figure}" opacity=".5"/>')
    glyph_colour = "#fff" if ground != TINT else INK
    scale = 1 if width > height else 0.75  # the glyph stays a corner mark on small art
    glyph = (f'<g transform="translate({width - 6 - 24 * scale} 6) scale({scale})" '
             f'fill="none" stroke="{glyph_colour}" stroke-width="1.8" stroke-linejoin="round" '
             f'stroke-linecap="round">'
             f'<path d="{GLYPHS[kind]}"/></g>')
    return (f'<svg class="art art--{kind}" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'preserveAspectRatio="xMidYMid slice" aria-hidden="true" focusable="false">'
            f'<rect width="{width}" height="{height}" fill="{ground}"/>{"".join(shapes)}'
            f'{glyph}</svg>')


def is_han(char: str) -> bool:
    return unicodedata.name(char, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY IDEOGRAPH"))


def monogram(name: str) -> str:
    """What a person's placeholder shows: a Chinese name (written in Han characters) gives
    its family name, 季 for 季卫东 (and both characters of a two-character family name such
    as 欧阳 when the name has four characters); a Latin name gives its initials, JW for Ji
    Weidong."""
    name = " ".join(str(name).split())
    if not name:
        return ""
    han = [c for c in name if is_han(c)]
    if han and len(han) >= len(name.replace(" ", "").replace("·", "")) / 2:
        return "".join(han[:2]) if len(han) == 4 else han[0]
    words = [w for w in name.replace("-", " ").split() if w[0].isalpha()]
    if not words:
        return name[0].upper()
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def monogram_tone(key) -> int:
    """Which of the palette's grounds a person's monogram sits on (0-3), stable per person."""
    return _numbers("person", key)[0] % len(GROUNDS)
