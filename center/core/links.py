"""The site's own address. Every absolute link (feeds, sitemap, share tags, iCal, JSON-LD,
emails) is built here from the Site's domain, which migrate sets from SITE_DOMAIN, and
META_SITE_PROTOCOL, so a page, its share tags and an email written by a worker agree."""

from django.conf import settings
from django.contrib.sites.models import Site


def site_root() -> str:
    """"https://portal.example.org" (no trailing slash). Site.objects caches the row."""
    return f"{settings.META_SITE_PROTOCOL}://{Site.objects.get_current().domain}"


def absolute(path: str) -> str:
    """An absolute address for a site path ("/en/news/"); full URLs pass through."""
    if "://" in path:
        return path
    return site_root() + (path if path.startswith("/") else "/" + path)
