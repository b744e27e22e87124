"""The apps' demo content, found rather than listed: every installed app's `demo` module
with a `load_demo_content()` (idempotent, returns a one-line summary). A module may set
DEMO_ORDER (default 100): lower runs first, so people exist before the events naming them."""

from importlib import import_module
from types import ModuleType

from django.apps import apps
from django.utils.module_loading import module_has_submodule

DEFAULT_ORDER = 100


def app_demo_modules() -> list[ModuleType]:
    modules = []
    for config in apps.get_app_configs():
        if not module_has_submodule(config.module, "demo"):
            continue
        module = import_module(f"{config.name}.demo")
        if callable(getattr(module, "load_demo_content", None)):
            modules.append(module)
    # sorted() is stable: equal orders keep INSTALLED_APPS order.
    return sorted(modules, key=lambda module: getattr(module, "DEMO_ORDER", DEFAULT_ORDER))
