"""Draws the PNG/ICO versions of static/core/img/logo-mark.svg (favicon, Apple touch icon,
the web manifest's icons) and the share images, 1200 x 630: share.png for the home page and
any page without its own type, and share-<type>.png for news, events, speakers, whitepapers
and the Code of Ethics (center/core/templatetags/share.py picks one).

    .venv/bin/python tools/brand_images.py   (needs fonts-dejavu-core and fonts-noto-cjk)
"""
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ACCENT = (11, 95, 116, 255)
ACCENT_DARK = (8, 71, 90, 255)
TINT = (230, 241, 244, 255)
INK = (23, 32, 46, 255)
WHITE = (255, 255, 255, 255)
OUT = str(Path(__file__).resolve().parent.parent / "static" / "core" / "img") + "/"


def glyph(draw, k, ox=0, oy=0, colour=WHITE):
    """The white balance of the 64-unit SVG, scaled by k and offset by (ox, oy) pixels."""
    def P(x, y):  # noqa: N802 (a point, named like the maths)
        return (ox + x * k, oy + y * k)

    def stroke(a, b, w):
        draw.line([P(*a), P(*b)], fill=colour, width=round(w * k))
        for x, y in (a, b):
            r = w * k / 2
            cx, cy = P(x, y)
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)

    for a, b in [((32, 16), (32, 47)), ((23, 48), (41, 48)), ((17, 23), (47, 23)),
                 ((17, 23), (11, 36)), ((17, 23), (23, 36)), ((47, 23), (41, 36)),
                 ((47, 23), (53, 36))]:
        stroke(a, b, 3)
    for a, b in [((17, 23), (32, 14)), ((32, 14), (47, 23))]:
        stroke(a, b, 2)
    for cx in (17, 47):  # the pans: half ellipses rx 7, ry 6, outlined 1.5 wider
        x0, y0 = P(cx - 8.5, 36 - 7.5)
        x1, y1 = P(cx + 8.5, 36 + 7.5)
        draw.chord([x0, y0, x1, y1], 0, 180, fill=colour)
    for (cx, cy), r in [((32, 14), 4), ((17, 23), 3), ((47, 23), 3)]:
        x, y = P(cx, cy)
        draw.ellipse([x - r * k, y - r * k, x + r * k, y + r * k], fill=colour)


def mark(size, *, square=False, ss=8):
    big = size * ss
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    if square:
        d.rectangle([0, 0, big, big], fill=ACCENT)
        # Apple rounds the corners itself; keep the glyph inside the inner 80 %.
        inset = big * 0.1
        glyph(d, (big - 2 * inset) / 64, inset, inset)
    else:
        d.ellipse([0, 0, big - 1, big - 1], fill=ACCENT)
        glyph(d, big / 64)
    return img.resize((size, size), Image.LANCZOS)


ico_sizes = [16, 32, 48]
icons = [mark(s) for s in ico_sizes]
icons[-1].save(OUT + "favicon.ico", sizes=[(s, s) for s in ico_sizes], append_images=icons[:-1])
mark(180, square=True).convert("RGB").save(OUT + "apple-touch-icon.png", optimize=True)
for size in (192, 512):  # site.webmanifest; "maskable" needs the glyph inside the safe zone
    mark(size, square=True).convert("RGB").save(OUT + f"icon-{size}.png", optimize=True)

W, H, ss = 1200, 630, 2

# One share image per page type: the mark and name on the left, the type in both languages,
# and on the right the motif of the generated cover art (center/core/art.py) in the palette.
WARM = (224, 164, 60, 255)
DEEP = (18, 56, 74, 255)
CJK_BOLD = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
PAGE_TYPES = {
    "home": ("Law, ethics and AI", "法律、伦理与人工智能"),
    "news": ("News", "新闻"),
    "event": ("Events", "活动"),
    "speaker": ("Speakers", "演讲嘉宾"),
    "whitepaper": ("Whitepapers", "白皮书"),
    "code": ("Code of Ethics", "伦理准则"),
}
MOTIFS = {  # circles (cx, cy, r, colour) in a 420 x 630 panel, one arrangement per type
    "home": [(210, 250, 170, ACCENT), (330, 470, 120, WARM), (90, 520, 70, TINT)],
    "news": [(140, 200, 150, ACCENT), (320, 420, 110, WARM), (260, 120, 50, TINT)],
    "event": [(300, 180, 130, WARM), (150, 420, 160, ACCENT), (360, 560, 60, TINT)],
    "speaker": [(210, 300, 150, TINT), (210, 300, 110, ACCENT), (340, 500, 90, WARM)],
    "whitepaper": [(120, 160, 110, WARM), (280, 380, 170, ACCENT), (100, 540, 50, TINT)],
    "code": [(210, 210, 120, ACCENT), (210, 470, 120, WARM), (360, 80, 40, TINT)],
}
cjk = ImageFont.truetype(CJK_BOLD, 40 * ss)
name_font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 40 * ss)
type_font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 64 * ss)
for kind, (label_en, label_zh) in PAGE_TYPES.items():
    img = Image.new("RGBA", (W * ss, H * ss), WHITE)
    d = ImageDraw.Draw(img)
    panel = 780
    motif = Image.new("RGBA", ((W - panel) * ss, H * ss), DEEP)
    m = ImageDraw.Draw(motif)
    for cx, cy, r, colour in MOTIFS[kind]:
        m.ellipse([(cx - r) * ss, (cy - r) * ss, (cx + r) * ss, (cy + r) * ss], fill=colour)
    img.alpha_composite(motif, (panel * ss, 0))
    img.alpha_composite(mark(96, ss=8).resize((96 * ss, 96 * ss), Image.LANCZOS),
                        (72 * ss, 72 * ss))
    for i, line in enumerate(["Center for Computational Law", "and AI Ethics Research"]):
        d.text((72 * ss, (212 + i * 52) * ss), line, font=name_font, fill=INK)
    d.text((72 * ss, 326 * ss), "计算法学与AI伦理研究中心", font=cjk, fill=INK)
    d.rectangle([72 * ss, 420 * ss, 136 * ss, 428 * ss], fill=WARM)
    d.text((72 * ss, 448 * ss), label_en, font=type_font if kind != "home" else name_font,
           fill=ACCENT_DARK)
    d.text((72 * ss, (536 if kind != "home" else 512) * ss), label_zh, font=cjk, fill=ACCENT_DARK)
    img = img.resize((W, H), Image.LANCZOS).convert("RGB")
    # A 64-colour palette keeps each under ~60 KB: flat colours and two fonts.
    name = "share.png" if kind == "home" else f"share-{kind}.png"
    img.quantize(64, method=Image.Quantize.MEDIANCUT).save(OUT + name, optimize=True)
print("done")
