"""Putting plugins where django CMS puts them: rendered on their own like the CMS renders a
placeholder's plugins, or on a real page draft that a test then publishes."""

from cms.models import Page, PageContent, Placeholder
from cms.plugin_rendering import ContentRenderer
from django.contrib.auth.models import AnonymousUser
from django.template import Context
from django.test import RequestFactory
from django.utils import translation
from djangocms_versioning.models import Version


def bare_placeholder() -> Placeholder:
    return Placeholder.objects.create(slot="content")


def render_plugin(plugin, *, language: str = "en", user=None) -> str:
    request = RequestFactory().get(f"/{language}/")
    request.user = user or AnonymousUser()
    request.current_page = None
    with translation.override(language):
        return ContentRenderer(request).render_plugin(plugin, Context({"request": request}))


def page_draft(*, reverse_id: str, language: str, user,
               slot: str = "content") -> tuple[Version, Placeholder]:
    """A new draft of a published demo page and one of its placeholders."""
    page = Page.objects.get(reverse_id=reverse_id)
    published = PageContent.objects.get(page=page, language=language)
    draft = Version.objects.get_for_content(published).copy(user)
    draft.content.rescan_placeholders()
    return draft, draft.content.placeholders.get(slot=slot)


def wizard_submit(client, wizard, *, language: str, data: dict):
    """Both steps of the django CMS "Create" wizard, as an editor's browser posts them."""
    url = f"/{language}/cms_wizard/create/"
    step = "wizard_create_view-current_step"
    client.get(url, {"language": language})
    client.post(url, {step: "0", "0-entry": wizard.id, "0-page": "", "0-language": language})
    return client.post(url, {step: "1", **{f"1-{name}": value for name, value in data.items()}})


def add_plugin_url(placeholder, plugin_type: str, language: str = "en") -> str:
    """The address of the form the structure board opens to add a plugin."""
    query = (f"placeholder_id={placeholder.pk}&plugin_type={plugin_type}"
             f"&plugin_language={language}&plugin_position=1&cms_path=/{language}/")
    return f"/{language}/admin/cms/placeholder/add-plugin/?{query}"
