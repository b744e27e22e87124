from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from djangocms_stories import cms_plugins as stories_plugins

from center.core.page_cache import known_for_request, once_per_request, seconds_until

from . import links, selectors
from .models import FeaturedStoryPluginModel, LatestNewsPluginModel

# One way for editors to list news, styled like the rest of the site: the package's own
# list plugins render its generic markup and load thumbnails per request.
for package_plugin in (
    stories_plugins.BlogLatestEntriesPlugin, stories_plugins.BlogLatestEntriesPluginCached,
    stories_plugins.BlogFeaturedPostsPlugin, stories_plugins.BlogFeaturedPostsPluginCached,
    stories_plugins.BlogAuthorPostsPlugin, stories_plugins.BlogAuthorPostsListPlugin,
    stories_plugins.BlogTagsPlugin, stories_plugins.BlogCategoryPlugin,
    stories_plugins.BlogArchivePlugin,
):
    if package_plugin.__name__ in plugin_pool.plugins:
        plugin_pool.unregister_plugin(package_plugin)


def _front_stories(request, language: str, featured: int | None = None):
    """selectors.front_stories() shared by the plugins of one request: a featured story
    reads the newest stories with it, and the latest news on the same page reuses them (the
    home page reads its stories once). None for the latest news when nothing was read."""
    memo = request.__dict__.setdefault("_front_stories", {}) if request is not None else {}
    if featured is not None and memo.get(language, (None,))[0] != featured:
        memo[language] = (featured, selectors.front_stories(language=language,
                                                            featured=featured))
    return memo[language][1] if language in memo else None


@plugin_pool.register_plugin
class LatestNewsPlugin(CMSPluginBase):
    model = LatestNewsPluginModel
    name = _("Latest news")
    module = _("Center")
    render_template = "news/plugins/latest_news.html"
    # Cached with the page: publishing or editing a story invalidates it at once
    # (center.core.page_cache); a scheduled story going live ends the cached copy's life.

    def get_cache_expiration(self, request, instance, placeholder):
        return seconds_until(once_per_request(request, "news", selectors.next_publication_change))

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        language = get_language()
        request = context.get("request")
        shared = _front_stories(request, language)  # read already for a featured story?
        context["stories"] = ([story for story in shared if story.is_newest][:instance.count]
                              if shared is not None else
                              selectors.latest_stories(language=language, count=instance.count))
        if context["stories"]:
            known_for_request(request, "news",
                              context["stories"][0].publication_change)
        context["news_url"] = links.news_page_url()  # "" while the News page is not set up
        return context


@plugin_pool.register_plugin
class FeaturedStoryPlugin(CMSPluginBase):
    model = FeaturedStoryPluginModel
    name = _("Featured story")
    module = _("Center")
    render_template = "news/plugins/featured_story.html"
    raw_id_fields = ["post"]

    def get_cache_expiration(self, request, instance, placeholder):
        # A scheduled story going live or leaving ends the cached page's life, as above.
        return seconds_until(once_per_request(request, "news", selectors.next_publication_change))

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        request, language = context.get("request"), get_language()
        stories = (_front_stories(request, language, featured=instance.post_id)
                   if instance.post_id else [])
        context["story"] = next((s for s in stories if s.post_id == instance.post_id), None)
        if stories:
            known_for_request(request, "news", stories[0].publication_change)
        return context
