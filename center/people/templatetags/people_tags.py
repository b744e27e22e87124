from django import template

from center.core.i18n import translated
from center.core.links import url_or_empty

register = template.Library()

register.filter("translated", translated)
# A card can be placed (in a plugin) before the speakers page exists: then it has no link.
register.filter("profile_url", url_or_empty)


@register.filter
def initials(name):
    # Latin names give "ZS" for "Zhang Shaoting"; Chinese names, written without spaces,
    # give the family name, which is how Chinese avatars are usually lettered.
    words = str(name).split()
    if not words:
        return ""
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()
