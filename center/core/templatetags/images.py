from django import template
from django.utils.safestring import mark_safe

from center.core import art
from center.core import wordmark as core_wordmark

register = template.Library()


@register.filter
def srcset(renditions):
    """"url 480w, url 960w" from a list of renditions of one format."""
    return ", ".join(f"{r['url']} {r['width']}w" for r in renditions or [])


@register.filter
def rendition_src(renditions, image_format="jpeg"):
    """The rendition whose width matches the img element's width attribute."""
    candidates = (renditions or {}).get(image_format) or []
    for rendition in candidates:
        if rendition["width"] == renditions.get("width"):
            return rendition["url"]
    return candidates[0]["url"] if candidates else ""


@register.simple_tag
def cover_art(kind, key):
    """The item's generated cover (inline SVG, no database access), shown when no picture
    was uploaded: {% cover_art "news" story.post.pk %}."""
    return mark_safe(art.cover_svg(kind, key))  # built from numbers and constants only


@register.simple_tag
def wordmark(language):
    """The Center's wordmark in `language` as decorative inline SVG (see core.wordmark)."""
    return mark_safe(core_wordmark.wordmark_svg(language))  # the project's own static file
