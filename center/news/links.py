from django.urls import reverse
from django.utils import translation


def story_url(story, language: str | None = None) -> str:
    """The address of this story version (its own slug) under `language`'s prefix. Built
    from the row in hand: djangocms-stories' get_absolute_url looks the slug up again."""
    with translation.override(language or translation.get_language()):
        return reverse(f"{story.post.app_config.namespace}:post-detail", kwargs={"slug": story.slug})
