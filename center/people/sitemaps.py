from center.core.sitemaps import SiteSitemap

from .models import Person


class PersonSitemap(SiteSitemap):
    i18n = True
    languages = ["en", "zh-hans"]
    alternates = True  # hreflang links between the English and Chinese profiles
    changefreq = "monthly"

    def items(self):
        return Person.objects.public().order_by("slug")

    def lastmod(self, person):
        return person.updated_at


SITEMAPS = {"people": PersonSitemap}  # found by center.site.sitemaps
