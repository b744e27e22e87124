from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from center.core.i18n import translated

from .. import links
from ..diff import DELETE, EQUAL, INSERT

register = template.Library()

register.filter("tr", translated)


@register.filter
def code_date(value) -> str:
    if not value:
        return ""
    return date_format(value, "DATE_FORMAT")


@register.filter
def permalink(principle) -> str:
    return links.principle_permalink(principle)


@register.simple_tag
def principle_url(version, number) -> str:
    """{% principle_url version principle.number %}: that principle's page in the version."""
    return links.principle_url(version, number)


@register.filter
def diff_html(chunks) -> SafeString:
    """Word-level differences as <del>/<ins>. Struck-through and underlined rather than only
    coloured, and a hidden word for screen readers, which do not announce <del> and <ins>."""
    labels = {DELETE: gettext("removed:"), INSERT: gettext("added:")}
    parts = []
    for op, text in chunks:
        if op == EQUAL:
            parts.append(format_html("{}", text))
        else:
            tag = "del" if op == DELETE else "ins"
            parts.append(format_html(
                '<{} class="diff-{}"><span class="code-sr-only">{} </span>{}</{}>',
                tag, op, labels[op], text, tag))
    return mark_safe("".join(parts))  # every part went through format_html
