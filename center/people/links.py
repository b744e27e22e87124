"""Links to speakers that do not break a page while the speakers apphook is not attached."""

from django.utils import translation

from center.core.links import url_or_empty


def person_url(person, language: str | None = None) -> str:
    """A public person's page (in `language`, default the active one), "" for a hidden
    person or before the speakers page exists."""
    if person is None or not person.is_public:
        return ""
    with translation.override(language or translation.get_language()):
        return url_or_empty(person)
