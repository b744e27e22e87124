"""A plain portrait cover drawn from a whitepaper's title, for papers uploaded without one."""

import re
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

COVER_SIZE = (1200, 1600)  # 3:4, the shape of a printed report
MARGIN = 110
ACCENT = "#0b5f74"  # the site's --accent
ACCENT_DARK = "#08475a"
INK = "#17202e"
INK_SOFT = "#475366"
PAPER = "#ffffff"

# Fonts that also hold Chinese characters, where the machine has one. Pillow's built-in font
# has Latin letters only, so without these a Chinese-only title is left off the cover.
CJK_FONTS = {
    "bold": ["/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
             "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
             "/System/Library/Fonts/PingFang.ttc"],
    "regular": ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
                "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
                "/System/Library/Fonts/PingFang.ttc"],
}
# Wide characters (CJK, full-width punctuation) may break anywhere; other text breaks at spaces.
WIDE = r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]"
TOKEN = re.compile(rf"{WIDE}|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+|\s+")


def _cjk_font_path(weight: str) -> str | None:
    return next((path for path in CJK_FONTS[weight] if Path(path).exists()), None)


def _font(weight: str, size: int) -> tuple[ImageFont.FreeTypeFont, bool]:
    path = _cjk_font_path(weight)
    if path:
        return ImageFont.truetype(path, size), True
    return ImageFont.load_default(size=size), False


def _drawable(text: str, has_cjk: bool) -> bool:
    return has_cjk or not re.search(WIDE, text)


def wrap_text(text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for token in TOKEN.findall(text):
        candidate = line + token
        if line and font.getlength(candidate.rstrip()) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _fit(text: str, weight: str, *, width: int, max_lines: int, sizes: tuple[int, ...]):
    """The largest font size at which `text` fits in `max_lines` lines; at the smallest
    size, a longer text is cut with an ellipsis."""
    for size in sizes:
        font, has_cjk = _font(weight, size)
        lines = wrap_text(text, font, width)
        if len(lines) <= max_lines:
            return font, lines, has_cjk
    lines = lines[:max_lines]
    last = lines[-1]
    while last and font.getlength(last + "…") > width:
        last = last[:-1]
    lines[-1] = last.rstrip(" ,;:") + "…"
    return font, lines, has_cjk


def _draw_lines(draw, lines, font, *, top: int, fill: str, spacing: float = 1.25) -> int:
    line_height = round(font.size * spacing)
    for line in lines:
        draw.text((MARGIN, top), line, font=font, fill=fill)
        top += line_height
    return top


def cover_png(*, title: str, subtitle: str = "", issuer: str = "", year: str = "") -> bytes:
    """A 1200x1600 PNG: the title on the accent colour, the issuing body and year below."""
    width, height = COVER_SIZE
    text_width = width - 2 * MARGIN
    image = Image.new("RGB", COVER_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    band = round(height * 0.64)
    draw.rectangle((0, 0, width, band), fill=ACCENT)
    draw.rectangle((0, band, width, band + 18), fill=ACCENT_DARK)

    font, lines, has_cjk = _fit(title, "bold", width=text_width, max_lines=6,
                                sizes=(104, 92, 80, 70, 62))
    top = MARGIN + 40
    if _drawable(title, has_cjk):
        top = _draw_lines(draw, lines, font, top=top, fill=PAPER, spacing=1.2)
    if subtitle:
        font, lines, has_cjk = _fit(subtitle, "regular", width=text_width, max_lines=3,
                                    sizes=(50, 44, 40))
        if _drawable(subtitle, has_cjk):
            _draw_lines(draw, lines, font, top=top + 40, fill="#e6f1f4")

    top = band + 90
    if issuer:
        font, lines, has_cjk = _fit(issuer, "regular", width=text_width, max_lines=3,
                                    sizes=(50, 44, 40))
        if _drawable(issuer, has_cjk):
            _draw_lines(draw, lines, font, top=top, fill=INK)
    if year:
        font, _has_cjk = _font("bold", 56)
        draw.text((MARGIN, height - MARGIN - 56), year, font=font, fill=INK_SOFT)

    buffer = BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
