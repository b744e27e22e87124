"""/sitemap.xml's sections: django CMS's pages, then each installed app's, found in its
sitemaps.py (`SITEMAPS = {"events": EventSitemap}`), in INSTALLED_APPS order."""

from importlib import import_module

from django.apps import apps
from django.utils.module_loading import module_has_submodule

from center.core.sitemaps import PagesSitemap


def discovered_sitemaps() -> dict:
    sitemaps = {"cms": PagesSitemap}
    for config in apps.get_app_configs():
        # Our apps only: third-party packages ship sitemaps modules of their own.
        if config.name.startswith("center.") and module_has_submodule(config.module, "sitemaps"):
            sitemaps.update(getattr(import_module(f"{config.name}.sitemaps"), "SITEMAPS", {}))
    return sitemaps
