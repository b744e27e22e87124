"""The site's own address. Every absolute link (feeds, sitemap, share tags, iCal, JSON-LD,
emails) is built here from the Site's domain, which migrate sets from SITE_DOMAIN, and
META_SITE_PROTOCOL, so a page, its share tags and an email written by a worker agree."""

from django.conf import settings
from django.contrib.sites.models import Site
from django.urls import NoReverseMatch, reverse


def site_root() -> str:
    """"https://portal.example.org" (no trailing slash). Site.objects caches the row."""
    return f"{settings.META_SITE_PROTOCOL}://{Site.objects.get_current().domain}"


def absolute(path: str) -> str:
    """An absolute address for a site path ("/en/news/"); full URLs pass through."""
    if "://" in path:
        return path
    return site_root() + (path if path.startswith("/") else "/" + path)


def reverse_or_empty(name: str, *args, **kwargs) -> str:
    """reverse(), or "" while the CMS page that provides the URL (its apphook) is not set
    up: a link that cannot exist yet is left out instead of failing the page."""
    try:
        return reverse(name, args=args or None, kwargs=kwargs or None)
    except NoReverseMatch:
        return ""


def url_or_empty(obj, *args) -> str:
    """obj.get_absolute_url(*args), or "" while its apphook is not on a page."""
    try:
        return obj.get_absolute_url(*args)
    except NoReverseMatch:
        return ""
