"""Links that must not break a page while the events apphook is not attached to a page."""

from center.core.links import reverse_or_empty, url_or_empty


def event_url(event, language: str | None = None) -> str:
    return url_or_empty(event, language)


def events_page_url() -> str:
    return reverse_or_empty("events:event_list")
