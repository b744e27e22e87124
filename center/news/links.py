from django.urls import NoReverseMatch, reverse
from django.utils import translation


def story_url(story, language: str | None = None) -> str:
    """The address of this story version (its own slug) under `language`'s prefix, or ""
    while no page carries the News apphook. Built from the row in hand: djangocms-stories'
    get_absolute_url looks the slug up again, a query per story in a list."""
    with translation.override(language or translation.get_language()):
        try:
            return reverse(f"{story.post.app_config.namespace}:post-detail",
                           kwargs={"slug": story.slug})
        except NoReverseMatch:
            return ""
