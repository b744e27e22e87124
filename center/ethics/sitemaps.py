from center.core.sitemaps import SiteSitemap

from .models import CodeVersion


class CodeVersionSitemap(SiteSitemap):
    """Each published version at its own address (/code-of-ethics/v/<label>/). The Code
    page itself is a CMS page, listed by the CMS sitemap."""

    i18n = True
    languages = ["en", "zh-hans"]
    alternates = True
    changefreq = "yearly"

    def items(self):
        return CodeVersion.objects.published().order_by("-published_at", "pk")

    def location(self, version):
        # Sitemap activates each language in turn; get_absolute_url follows the active one.
        return version.get_absolute_url()

    def priority(self, version):
        return 0.7 if version.is_in_force else 0.3

    def lastmod(self, version):
        return version.updated_at


SITEMAPS = {"ethics": CodeVersionSitemap}  # found by center.site.sitemaps
