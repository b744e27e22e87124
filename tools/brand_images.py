"""Draws the PNG/ICO versions of static/core/img/logo-mark.svg and the share image.

    .venv/bin/python tools/brand_images.py   (needs a TrueType font: fonts-dejavu-core)
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

# The share image: 1200 x 630, centred (feeds crop the sides), an accent band below.
W, H, ss = 1200, 630, 2
img = Image.new("RGBA", (W * ss, H * ss), WHITE)
d = ImageDraw.Draw(img)
d.rectangle([0, (H - 56) * ss, W * ss, H * ss], fill=ACCENT)
logo = mark(150, ss=8).resize((150 * ss, 150 * ss), Image.LANCZOS)
img.alpha_composite(logo, ((W - 150) // 2 * ss, 70 * ss))
bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 52 * ss)
regular = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 28 * ss)
for i, line in enumerate(["Center for Computational Law", "and AI Ethics Research"]):
    d.text((W // 2 * ss, (290 + i * 68) * ss), line, font=bold, fill=INK, anchor="mm")
d.text((W // 2 * ss, 448 * ss), "Law, ethics and artificial intelligence", font=regular,
       fill=ACCENT_DARK, anchor="mm")
img.resize((W, H), Image.LANCZOS).convert("RGB").save(OUT + "share.png", optimize=True)
print("done")
