"""The inline editor wraps each list item's text in a paragraph; saving keeps what staff
wrote instead (center.core.text_html)."""

import pytest
from cms.api import add_plugin
from cms.models import PageContent
from djangocms_text.models import Text

from center.core.text_html import unwrap_list_paragraphs


@pytest.mark.parametrize(("edited", "stored"), [
    ("<ul><li><p>One</p></li><li><p>Two <strong>and</strong> a half</p></li></ul>",
     "<ul><li>One</li><li>Two <strong>and</strong> a half</li></ul>"),
    ("<ol><li><p>Outer</p><ul><li><p>Inner</p></li></ul></li></ol>",
     "<ol><li>Outer<ul><li>Inner</li></ul></li></ol>"),
    # What staff made themselves stays: two paragraphs, a styled one, text beside it.
    ("<ul><li><p>One</p><p>Two</p></li></ul>", "<ul><li><p>One</p><p>Two</p></li></ul>"),
    ('<ul><li><p class="lead">One</p></li></ul>', '<ul><li><p class="lead">One</p></li></ul>'),
    ("<ul><li>Text <p>and a paragraph</p></li></ul>",
     "<ul><li>Text <p>and a paragraph</p></li></ul>"),
    ('<p>A&nbsp;line<br>break</p><ul><li><p>A <a href="/x?a=1&amp;b=2">link</a></p></li></ul>',
     '<p>A&nbsp;line<br>break</p><ul><li>A <a href="/x?a=1&amp;b=2">link</a></li></ul>'),
])
def test_only_the_paragraph_the_editor_added_goes(edited, stored):
    assert unwrap_list_paragraphs(edited) == stored


def test_a_saved_text_plugin_keeps_its_list_items_plain(demo_pages):
    content = next(c for c in PageContent.admin_manager.filter(language="en")
                   if c.get_placeholders().filter(slot="content").exists())
    placeholder = content.get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "TextPlugin", "en", body="<ul><li>One</li><li>Two</li></ul>")

    plugin.body = "<h2>Title</h2><ul><li><p>One, edited</p></li><li><p>Two</p></li></ul>"
    plugin.save()

    assert Text.objects.get(pk=plugin.pk).body == (
        "<h2>Title</h2><ul><li>One, edited</li><li>Two</li></ul>")
