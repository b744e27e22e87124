"""Sitemap addresses use the site's protocol (META_SITE_PROTOCOL), not the scheme the request
came in on: behind a TLS proxy that is http, while share tags and feeds say https."""

from cms.sitemaps import CMSSitemap
from django.conf import settings
from django.contrib.sitemaps import Sitemap


class SiteSitemap(Sitemap):
    @property
    def protocol(self):
        return settings.META_SITE_PROTOCOL


class PagesSitemap(SiteSitemap, CMSSitemap):
    """django CMS's published pages, with the site's protocol."""
