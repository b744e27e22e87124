from django import template
from django.urls import NoReverseMatch, reverse

from center.core.links import site_root

register = template.Library()


@register.simple_tag
def optional_url(name: str) -> str:
    """reverse(name), or "" while the page that provides it (an apphook) is not set up."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""


@register.simple_tag(name="site_root")
def site_root_tag() -> str:
    """"https://host" without a slash: put a site path after it for the address the sitemap
    and share tags give that path."""
    return site_root()
