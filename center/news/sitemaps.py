from center.core.sitemaps import SiteSitemap

from .links import story_url
from .selectors import published_stories


class NewsSitemap(SiteSitemap):
    """Each published story once per language it is written in."""

    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return published_stories().select_related("post", "post__app_config").order_by(
            "-post__date_published", "language"
        )

    def location(self, item):
        return story_url(item, item.language)

    def lastmod(self, item):
        return item.post.date_modified


SITEMAPS = {"news": NewsSitemap}  # found by center.site.sitemaps
