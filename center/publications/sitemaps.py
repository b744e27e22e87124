from center.core.sitemaps import SiteSitemap

from .models import Whitepaper


class WhitepaperSitemap(SiteSitemap):
    changefreq = "monthly"
    priority = 0.6
    i18n = True
    languages = ["en", "zh-hans"]
    alternates = True  # hreflang links between the English and Chinese pages

    def items(self):
        return Whitepaper.objects.published().order_by("-publication_date", "pk")

    def location(self, item):
        # Sitemap activates each language in turn; get_absolute_url follows the active one.
        return item.get_absolute_url()

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {"whitepapers": WhitepaperSitemap}  # found by center.site.sitemaps
