"""Where searchable content comes from: the CMS pages (pages.py) and every installed app's
`search_documents` module, found by discovery (search imports no content app). A source
module defines:

    KIND = "event"                       # the result type shown to visitors
    WATCH_MODELS = [Event, ...]          # saving or deleting one refreshes this kind
    VERSIONED_MODELS = [PageContent]     # optional: publishing/unpublishing refreshes it
    def searchable_objects(): ...        # what visitors may see
    def documents_for(obj) -> list[dict] # {"language", "title", "body", "url"} per language
    MORE_SOURCE_MODULES = ["search_documents_code"]  # optional: the app's other sources
"""

from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from . import pages

SOURCE_MODULE = "search_documents"


def _app_sources(config) -> list[ModuleType]:
    if not module_has_submodule(config.module, SOURCE_MODULE):
        return []
    module = import_module(f"{config.name}.{SOURCE_MODULE}")
    more = [import_module(f"{config.name}.{name}")
            for name in getattr(module, "MORE_SOURCE_MODULES", [])]
    return [module, *more]


def all_sources() -> dict[str, ModuleType]:
    discovered = [source for config in apps.get_app_configs() for source in _app_sources(config)]
    return {source.KIND: source for source in (pages, *discovered)}
