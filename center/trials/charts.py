"""Small server-rendered SVG charts: no script, no inline style (the admin's Content-Security-
Policy allows neither on public pages, and staff pages should not need it). Colours come as
fill attributes; each segment also carries its number, and every chart has a title, a
description and a data table next to it, so colour is never the only cue."""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

# The site palette (static/core/css/site.css) and its warm and focus tones, light to dark.
# Text on each fill reaches 4.5:1 with the text colour given next to it.
RISK_FILLS = {
    "none": ("#e6f1f4", "#17202e"),
    "low": ("#9cc9d6", "#17202e"),
    "medium": ("#e0a43c", "#17202e"),
    "high": ("#c2410c", "#ffffff"),
    "unacceptable": ("#5b1a1a", "#ffffff"),
}
BAR_FILL = "#0b5f74"
LINE_STROKE = "#c2410c"
INK = "#17202e"
LABEL_WIDTH = 220
BAR_AREA = 460
ROW_HEIGHT = 28


def _frame(width: int, height: int, title: str, desc: str, chart_id: str, body) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="stats-svg" role="img" width="{w}" '
        'height="{h}" viewBox="0 0 {w} {h}" aria-labelledby="{id}-title {id}-desc">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        w=width, h=height, id=chart_id, title=title, desc=desc, body=body)


def _n(value: float) -> str:
    return f"{value:.1f}"


def _short(text: str, limit: int = 30) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _text_width(text: str) -> int:
    """Roughly, at 13 px: Chinese characters are about twice as wide as Latin letters."""
    return sum(14 if ord(char) > 0x2E80 else 8 for char in text)


def stacked_bars(rows: list[tuple[str, dict]], series: list[tuple[str, str]], *, title: str,
                 desc: str, chart_id: str) -> SafeString:
    """Horizontal bars, one per (label, {series key: count}) row, stacked by `series`
    ([(key, legend label)]) and scaled to the largest row."""
    largest = max((sum(counts.values()) for _label, counts in rows), default=0) or 1
    parts = []
    legend_y = 14
    x = 0
    for key, label in series:
        fill, _text = RISK_FILLS.get(key, (BAR_FILL, "#ffffff"))
        parts.append(format_html(
            '<rect x="{}" y="4" width="14" height="14" fill="{}" stroke="{}"/>'
            '<text x="{}" y="{}" font-size="13" fill="{}">{}</text>',
            x, fill, INK, x + 18, legend_y + 2, INK, label))
        x += 30 + _text_width(str(label))
    top = 30
    for index, (label, counts) in enumerate(rows):
        y = top + index * ROW_HEIGHT
        parts.append(format_html('<text x="0" y="{}" font-size="13" fill="{}">{}</text>',
                                 y + 17, INK, _short(label)))
        offset = LABEL_WIDTH
        for key, _name in series:
            count = counts.get(key, 0)
            if not count:
                continue
            width = BAR_AREA * count / largest
            fill, text = RISK_FILLS.get(key, (BAR_FILL, "#ffffff"))
            parts.append(format_html(
                '<rect x="{}" y="{}" width="{}" height="22" fill="{}" stroke="{}" '
                'stroke-width="0.5"/>', _n(offset), y + 2, _n(width), fill, INK))
            if width >= 18:
                parts.append(format_html(
                    '<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}'
                    "</text>", _n(offset + width / 2), y + 18, text, count))
            offset += width
        parts.append(format_html('<text x="{}" y="{}" font-size="12" fill="{}">{}</text>',
                                 _n(offset + 6), y + 18, INK, sum(counts.values())))
    height = top + max(len(rows), 1) * ROW_HEIGHT + 4
    return _frame(LABEL_WIDTH + BAR_AREA + 60, height, title, desc, chart_id,
                  mark_safe("".join(parts)))  # noqa: S308 — every part went through format_html


def columns_with_line(points: list[dict], *, title: str, desc: str, chart_id: str,
                      count_key: str = "decided", rate_key: str = "approval_rate") -> SafeString:
    """Columns for a count per period and a line for a percentage (0–100, right axis)."""
    left, bottom, plot_h, step = 40, 200, 160, 64
    width = left + max(len(points), 1) * step + 50
    largest = max((p[count_key] for p in points), default=0) or 1
    parts = [format_html(
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{c}"/>'
        '<text x="{r}" y="{t}" font-size="12" text-anchor="end" fill="{c}">100%</text>'
        '<text x="{r}" y="{b2}" font-size="12" text-anchor="end" fill="{c}">0%</text>',
        l=left, r=width - 4, b=bottom, t=bottom - plot_h - 4, b2=bottom - 4, c=INK)]
    line = []
    for index, point in enumerate(points):
        x = left + index * step + 10
        height = plot_h * point[count_key] / largest
        parts.append(format_html(
            '<rect x="{}" y="{}" width="40" height="{}" fill="{}"/>'
            '<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}</text>'
            '<text x="{}" y="{}" font-size="12" text-anchor="middle" fill="{}">{}</text>',
            x, _n(bottom - height), _n(height), BAR_FILL, x + 20, _n(bottom - height - 4), INK,
            point[count_key], x + 20, bottom + 16, INK, point["label"]))
        rate = point.get(rate_key)
        if rate is not None:
            line.append((x + 20, bottom - plot_h * rate / 100))
    if line:
        parts.append(format_html(
            '<polyline points="{}" fill="none" stroke="{}" stroke-width="2.5" '
            'stroke-dasharray="6 3"/>',
            " ".join(f"{x:.1f},{y:.1f}" for x, y in line), LINE_STROKE))
        parts.append(format_html_join("", '<circle cx="{}" cy="{}" r="4" fill="{}"/>',
                                      ((_n(x), _n(y), LINE_STROKE) for x, y in line)))
    return _frame(width, bottom + 24, title, desc, chart_id,
                  mark_safe("".join(parts)))  # noqa: S308 — every part went through format_html
