from django import template

from center.core.links import reverse_or_empty, site_root

register = template.Library()

# {% optional_url "news:posts-latest-feed" as feed %}: "" while no page carries the apphook.
register.simple_tag(reverse_or_empty, name="optional_url")


@register.simple_tag(name="site_root")
def site_root_tag() -> str:
    """"https://host" without a slash: put a site path after it for the address the sitemap
    and share tags give that path."""
    return site_root()
