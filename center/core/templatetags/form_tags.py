from django import template
from django.utils.translation import gettext

register = template.Library()

# A label may be a question ("How will you use them?") or end with a colon; the summary adds
# its own separator, so the label's closing mark goes ("…them?: …" reads as a typo).
LABEL_END = "?:!.？：！。 "


@register.simple_tag
def labelled(label, value) -> str:
    """"Label: value" in an email or a summary, "标签：内容" in Chinese."""
    return error_line(label, value)


@register.simple_tag
def error_line(label, message) -> str:
    """One line of an error summary: "Label: message", or "标签：信息" in Chinese."""
    label = str(label).rstrip(LABEL_END)
    return gettext("%(label)s: %(message)s") % {"label": label, "message": message}
