"""Published news stories for site search, one entry per language version."""

from djangocms_stories.models import Post, PostContent

from center.search.text import plain_text

from .links import story_url
from .selectors import published_stories

KIND = "news"
WATCH_MODELS = [Post]
VERSIONED_MODELS = [PostContent]


def searchable_objects():
    return published_stories().select_related("post__app_config")


def documents_for(story: PostContent) -> list[dict]:
    body = plain_text(f"{story.subtitle} {story.abstract} {story.post_text}")
    return [{"language": story.language, "title": story.title, "body": body,
             "url": story_url(story, story.language)}]
