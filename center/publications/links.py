"""Links that must not break a page while the whitepapers apphook is not attached to a page."""

from center.core.links import reverse_or_empty, url_or_empty


def whitepaper_url(whitepaper, language: str | None = None) -> str:
    return url_or_empty(whitepaper, language)


def whitepapers_page_url() -> str:
    return reverse_or_empty("publications:whitepaper_list")
