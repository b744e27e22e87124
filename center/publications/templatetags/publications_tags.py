from django import template
from django.utils import translation

from .. import links, selectors

register = template.Library()

NAME_SEPARATORS = {"zh-hans": "、"}


@register.simple_tag
def person_whitepapers(person):
    """{% person_whitepapers person as papers %}: the person's published papers."""
    return selectors.whitepapers_for_person(person)


@register.filter
def tr(obj, field: str) -> str:
    """{{ paper|tr:"abstract" }}: the field in the current language, else in any language
    (an untranslated paper still shows its text, with a note, rather than nothing)."""
    return obj.safe_translation_getter(field, any_language=True) or ""


@register.filter
def whitepaper_url(whitepaper) -> str:
    return links.whitepaper_url(whitepaper)


@register.filter
def person_url(person) -> str:
    return links.person_url(person)


@register.filter
def names(people) -> str:
    separator = NAME_SEPARATORS.get(translation.get_language(), ", ")
    return separator.join(str(person) for person in people)


@register.filter
def shown_language(obj) -> str:
    """The language of the text shown when the paper is not translated into the current
    one (for a lang attribute), else ""."""
    return obj.fallback_language(translation.get_language())
