"""This app's part of the newsletter's "latest content" draft. The newsletter finds every
app's digest module by name, so this app does not know the newsletter exists."""

from django.utils.translation import gettext

from .links import story_url
from .selectors import stories_in_language

DIGEST_POSITION = 10  # sections are ordered by this: news, events, whitepapers


def digest_section(*, language: str, count: int) -> tuple[str, list[tuple[str, str]]]:
    """A heading and the (title, address) of the latest stories in `language`; the caller
    has made `language` active. An address is "" while the news apphook is not attached."""
    stories = stories_in_language(language=language)[:count]
    return gettext("Latest news"), [(story.title, story_url(story, language))
                                    for story in stories]
