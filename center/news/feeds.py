from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language, gettext
from taggit.models import Tag

from center.core.links import absolute

from . import selectors
from .links import story_url

FEED_ITEMS = 20


@dataclass(frozen=True)
class FeedScope:
    # Per request: the Feed instance is shared by every thread, so it must hold no state.
    language: str
    tag: Tag | None
    path: str


class NewsFeed(Feed):
    """RSS 2.0 of the latest published stories in the URL's language (Django sets the
    channel's <language> from the active one); /news/tag/<t>/feed/ narrows it to a tag."""

    feed_type = Rss201rev2Feed
    item_guid_is_permalink = False

    def get_object(self, request, tag=None):
        found = selectors.tag_by_slug(tag) if tag else None
        if tag and found is None:
            raise Http404("No such tag")  # a feed reader should learn the address is wrong
        return FeedScope(language=get_language(), tag=found, path=request.path)

    def title(self, scope):
        title = f"{gettext(settings.SITE_NAME)} · {gettext('News')}"
        return f"{title} · {scope.tag.name}" if scope.tag else title

    # Absolute here, so the site's protocol (https behind a TLS proxy) is used, not the
    # scheme of the request that reached Django.
    def link(self, scope):
        return absolute(reverse("news:posts-latest"))

    def feed_url(self, scope):
        return absolute(scope.path)

    def description(self, scope):
        return gettext("News from the Center for Computational Law and AI Ethics Research")

    def items(self, scope):
        stories = selectors.stories_in_language(language=scope.language, tag=scope.tag)
        # post.guid reads the post's contents: read them for all items at once.
        return stories.filter(language=scope.language, post__include_in_rss=True).prefetch_related(
            "post__postcontent_set")[:FEED_ITEMS]

    def item_title(self, story):
        return story.title

    def item_description(self, story):
        return strip_tags(story.abstract).strip()

    def item_link(self, story):
        return absolute(story_url(story, story.language))

    def item_guid(self, story):
        return f"{story.post.guid}-{story.language}"

    def item_pubdate(self, story):
        return story.post.date_published or story.post.date_created

    def item_updateddate(self, story):
        return story.post.date_modified

    def item_author_name(self, story):
        return story.post.author.get_full_name() if story.post.author_id else None

    def item_categories(self, story):
        return [category.safe_translation_getter("name", any_language=True)
                for category in story.post.categories.all()]
