from django import template
from django.urls import NoReverseMatch

register = template.Library()


@register.filter
def translated(obj, field):
    """A translated field in the current language, else in any language it exists in."""
    return obj.safe_translation_getter(field, any_language=True) or ""


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


@register.filter
def profile_url(person):
    """The person's page, or "" while no CMS page carries the speakers apphook (a card in
    a plugin can be placed before the speakers page exists)."""
    try:
        return person.get_absolute_url()
    except NoReverseMatch:
        return ""
