from django.utils import translation

from center.core.links import reverse_or_empty

from .selectors import NAMESPACE


def story_url(story, language: str | None = None) -> str:
    """The address of this story version (its own slug) under `language`'s prefix, or ""
    while no page carries the News apphook. Built from the row in hand: djangocms-stories'
    get_absolute_url looks the slug up again, a query per story in a list."""
    with translation.override(language or translation.get_language()):
        return reverse_or_empty(f"{story.post.app_config.namespace}:post-detail",
                                slug=story.slug)


def news_page_url() -> str:
    return reverse_or_empty(f"{NAMESPACE}:posts-latest")
