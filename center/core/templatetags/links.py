from django import template
from django.urls import NoReverseMatch, reverse

register = template.Library()


@register.simple_tag
def optional_url(name: str) -> str:
    """reverse(name), or "" while the page that provides it (an apphook) is not set up."""
    try:
        return reverse(name)
    except NoReverseMatch:
        return ""
