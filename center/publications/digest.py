"""This app's part of the newsletter's "latest content" draft. The newsletter finds every
app's digest module by name, so this app does not know the newsletter exists."""

from django.utils.translation import gettext

from .links import whitepaper_url
from .selectors import visible_whitepapers

DIGEST_POSITION = 30  # sections are ordered by this: news, events, whitepapers


def digest_section(*, language: str, count: int) -> tuple[str, list[tuple[str, str]]]:
    """A heading and the (title, address) of the newest whitepapers; the caller has made
    `language` active. An address is "" while the whitepapers apphook is not attached."""
    papers = visible_whitepapers()[:count]
    return gettext("New whitepapers"), [(str(paper), whitepaper_url(paper, language))
                                        for paper in papers]
