"""This app's part of the newsletter's "latest content" draft. The newsletter finds every
app's digest module by name, so this app does not know the newsletter exists."""

from django.utils.translation import gettext

from .links import event_url
from .selectors import next_upcoming_events

DIGEST_POSITION = 20  # sections are ordered by this: news, events, whitepapers


def digest_section(*, language: str, count: int) -> tuple[str, list[tuple[str, str]]]:
    """A heading and the (title, address) of the next events; the caller has made
    `language` active. An address is "" while the events apphook is not attached."""
    events = next_upcoming_events(count=count)
    return gettext("Upcoming events"), [(str(event), event_url(event, language))
                                        for event in events]
