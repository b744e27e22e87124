"""Where searchable content comes from. Each source module (usually
center/<app>/search_documents.py) defines:

    KIND = "event"                       # the result type shown to visitors
    WATCH_MODELS = [Event, ...]          # saving or deleting one refreshes this kind
    VERSIONED_MODELS = [PageContent]     # optional: publishing/unpublishing refreshes it
    def searchable_objects(): ...        # what visitors may see
    def documents_for(obj) -> list[dict] # {"language", "title", "body", "url"} per language
"""

from importlib import import_module
from types import ModuleType

from django.apps import apps

SOURCE_MODULES = [
    "center.core.search_documents",
    "center.news.search_documents",
    "center.events.search_documents",
    "center.people.search_documents",
    "center.publications.search_documents",
    "center.ethics.search_documents",
    "center.ethics.search_documents_code",
]


def _app_installed(module_path: str) -> bool:
    return apps.is_installed(module_path.rsplit(".", 1)[0])


def all_sources() -> dict[str, ModuleType]:
    sources = {}
    for path in SOURCE_MODULES:
        if not _app_installed(path):
            continue
        try:
            module = import_module(path)
        except ModuleNotFoundError as error:
            if error.name != path:
                raise
            continue  # the app offers nothing to search (yet)
        sources[module.KIND] = module
    return sources
