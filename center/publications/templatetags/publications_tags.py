from django import template
from django.utils import translation

from center.core.i18n import translated
from center.people.links import person_url

from .. import links, selectors

register = template.Library()

NAME_SEPARATORS = {"zh-hans": "、"}


@register.simple_tag
def person_whitepapers(person):
    """{% person_whitepapers person as papers %}: the person's published papers."""
    return selectors.whitepapers_for_person(person)


register.filter("tr", translated)
register.filter("person_url", person_url)


@register.filter
def whitepaper_url(whitepaper) -> str:
    return links.whitepaper_url(whitepaper)


@register.filter
def names(people) -> str:
    separator = NAME_SEPARATORS.get(translation.get_language(), ", ")
    return separator.join(str(person) for person in people)


@register.filter
def shown_language(obj) -> str:
    """The language of the text shown when the paper is not translated into the current
    one (for a lang attribute), else ""."""
    return obj.fallback_language(translation.get_language())
