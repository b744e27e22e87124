from center.core.sitemaps import SiteSitemap

from .links import principle_url
from .models import CodeVersion, Principle


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


class PrincipleSitemap(SiteSitemap):
    """Each principle of each published version on its own page."""

    i18n = True
    languages = ["en", "zh-hans"]
    alternates = True
    changefreq = "yearly"

    def items(self):
        return (Principle.objects.filter(version__in=CodeVersion.objects.published())
                .select_related("version").order_by("-version__published_at", "order", "number"))

    def location(self, principle):
        return principle_url(principle.version, principle.number)

    def priority(self, principle):
        return 0.5 if principle.version.is_in_force else 0.2

    def lastmod(self, principle):
        return principle.version.updated_at


# Found by center.site.sitemaps.
SITEMAPS = {"ethics": CodeVersionSitemap, "ethics-principles": PrincipleSitemap}
