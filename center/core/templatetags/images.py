from django import template

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
