import logging
import re

import jieba
from django import template
from django.utils import translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

jieba.setLogLevel(logging.WARNING)  # it announces building its dictionary on first use

register = template.Library()

LIST_SEPARATORS = {"zh-hans": "、"}

_HAN = re.compile(r"[\u3400-\u9fff]")
_WORD_START = re.compile(r"^[\u3400-\u9fff0-9A-Za-z]")
_OPENING = ("（", "《", "“", "‘", "「", "【", "(", "[")


@register.filter
def word_breaks(value) -> str:
    """A Chinese title with a break opportunity (<wbr>) between its words, for headings set
    with word-break: keep-all: a line then ends between 伦理 and 研究, never inside 伦理.
    Text without Chinese is returned as it is."""
    text = str(value or "")
    if not _HAN.search(text):
        return value if value is not None else ""
    parts, previous = [], ""
    for word in jieba.cut(text):
        # No break before punctuation or after an opening bracket: those stay with the word.
        if parts and _WORD_START.match(word) and not previous.endswith(_OPENING):
            parts.append("<wbr>")
        parts.append(conditional_escape(word))
        previous = word
    return mark_safe("".join(parts))


@register.filter
def listing(values) -> str:
    """Items of a list in a sentence: "a, b, c", or "甲、乙、丙" in Chinese."""
    return LIST_SEPARATORS.get(translation.get_language(), ", ").join(str(v) for v in values)
