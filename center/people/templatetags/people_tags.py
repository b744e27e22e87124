from django import template

from center.core import art
from center.core.i18n import translated
from center.core.links import url_or_empty

register = template.Library()

register.filter("translated", translated)
# A card can be placed (in a plugin) before the speakers page exists: then it has no link.
register.filter("profile_url", url_or_empty)


@register.filter
def initials(name):
    """A person's placeholder letters in the script of the name shown: 季 for 季卫东, JW for
    Ji Weidong (see center.core.art.monogram)."""
    return art.monogram(name)


@register.filter
def monogram_tone(person):
    return art.monogram_tone(person.pk)


@register.filter
def is_han(letters):
    return bool(letters) and art.is_han(letters[0])
