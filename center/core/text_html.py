"""Text plugin bodies keep the structure staff wrote. The inline editor (Tiptap, in
djangocms-text) allows list items only as paragraphs, so saving one edited sentence turns
every `<li>x</li>` of the text into `<li><p>x</p></li>`: other spacing, and a change no one
made. A list item whose only paragraph stands alone (or before its nested lists) loses that
paragraph again on save; list items with several paragraphs keep them."""

import re

from django.db.models.signals import pre_save

# The body has been through nh3 (djangocms-text cleans it before saving): tags are balanced
# and attribute values quoted, so a tag is found by this pattern.
_TAG = re.compile(r"""<(/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>""")
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
_NESTED_LISTS = {"ul", "ol"}


class _Element:
    def __init__(self, name: str, attributes: str, start: tuple[int, int]):
        self.name, self.attributes, self.start = name, attributes.strip(), start
        self.end = None
        self.children: list[_Element] = []
        self.has_text = False  # text directly inside, not in a child element


def _spans_to_drop(html: str) -> list[tuple[int, int]]:
    root = _Element("", "", (0, 0))
    stack, drop, position = [root], [], 0

    def text(until: int) -> None:
        if html[position:until].strip():
            stack[-1].has_text = True

    for match in _TAG.finditer(html):
        text(match.start())
        position = match.end()
        closing, name = match.group(1), match.group(2).lower()
        if not closing:
            element = _Element(name, match.group(3).rstrip("/"), match.span())
            stack[-1].children.append(element)
            if name not in _VOID and not match.group(3).endswith("/"):
                stack.append(element)
            continue
        if len(stack) < 2 or stack[-1].name != name:
            return []  # not the balanced markup expected: leave the body as it is
        element = stack.pop()
        element.end = match.span()
        if element.name == "li" and not element.has_text and element.children:
            first, rest = element.children[0], element.children[1:]
            if (first.name == "p" and not first.attributes and first.end
                    and all(child.name in _NESTED_LISTS for child in rest)):
                drop += [first.start, first.end]
    return drop


def unwrap_list_paragraphs(html: str) -> str:
    """`<li><p>x</p></li>` -> `<li>x</li>`; everything else byte for byte as it was."""
    if "<li" not in html or "<p" not in html:
        return html
    parts, position = [], 0
    for start, end in sorted(_spans_to_drop(html)):
        parts.append(html[position:start])
        position = end
    parts.append(html[position:])
    return "".join(parts)


def _before_text_save(sender, instance, **kwargs):
    instance.body = unwrap_list_paragraphs(instance.body or "")


def connect() -> None:
    from djangocms_text.models import Text

    pre_save.connect(_before_text_save, sender=Text, dispatch_uid="core.text_list_paragraphs")
