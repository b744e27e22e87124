from django import template

from .. import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def can_review(context) -> bool:
    """Whether the signed-in staff member may see applications (Reviewers, superusers)."""
    request = context.get("request")
    return bool(request) and selectors.can_review(request.user)
