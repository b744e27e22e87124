from center.core.sitemaps import SiteSitemap

from .models import Event


class EventSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.6
    i18n = True
    languages = ["en", "zh-hans"]

    def items(self):
        return Event.objects.published().order_by("-start", "pk")

    def location(self, item):
        # Sitemap activates each language in turn; get_absolute_url follows the active one.
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"events": EventSitemap}  # found by center.site.sitemaps
