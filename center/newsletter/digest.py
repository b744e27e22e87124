"""The body of a draft campaign made from what is published: a section per app that offers
one (news, events, whitepapers), each a list of linked titles. Staff edit it before sending.

An app offers a section with a `digest` module holding `DIGEST_POSITION` and
`digest_section(*, language, count) -> (heading, [(title, address), ...])`; the newsletter
finds those modules among the installed apps, so it imports none of them."""

from functools import cache
from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.utils import translation
from django.utils.html import format_html, format_html_join
from django.utils.module_loading import module_has_submodule

from center.core.links import absolute

PER_SECTION = 3


@cache
def digest_sources() -> list[ModuleType]:
    modules = [import_module(f"{config.name}.digest") for config in apps.get_app_configs()
               if config.name != __package__ and module_has_submodule(config.module, "digest")]
    return sorted((module for module in modules if hasattr(module, "digest_section")),
                  key=lambda module: module.DIGEST_POSITION)


def _section(heading: str, items: list[tuple[str, str]]) -> str:
    items = [(title, absolute(url)) for title, url in items if url]
    if not items:
        return ""
    return format_html("<h2>{}</h2><ul>{}</ul>", heading, format_html_join(
        "", '<li><a href="{1}">{0}</a></li>', items))


def latest_content_html(*, language: str) -> str:
    with translation.override(language):
        return "".join(_section(*source.digest_section(language=language, count=PER_SECTION))
                       for source in digest_sources())
