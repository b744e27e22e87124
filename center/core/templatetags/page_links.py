"""Links to CMS pages read from the menu the page builds anyway (center/core/menus.py),
instead of cms_tags' page_url / page_attribute, which query the database for each use
whenever the CMS's URL cache misses."""

from cms.models import Page
from django import template

from center.core.menus import page_node

register = template.Library()


def _node(context, page):
    request = context.get("request")
    if request is None or page is None:
        return None
    if isinstance(page, Page):
        return page_node(request, page_id=page.pk)
    return page_node(request, reverse_id=page)


@register.simple_tag(takes_context=True)
def page_link(context, page) -> str:
    """{% page_link "newsletter" %} or {% page_link request.current_page %}: the page's
    address in the current language, "" when there is no such published page."""
    node = _node(context, page)
    return node.get_absolute_url() if node else ""


@register.simple_tag(takes_context=True)
def page_menu_title(context, page) -> str:
    """The page's menu title (else its title) in the current language, "" if unknown."""
    node = _node(context, page)
    return node.title if node else ""
