"""Links into the Code that must not break a page (a plugin, a search index) while the
"code-of-ethics" page has no apphook yet: the ethics URLs only exist once it is attached."""

from django.utils import translation

from center.core.links import reverse_or_empty


def code_url(language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        return reverse_or_empty("ethics:code")


def principle_permalink(principle, language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        return reverse_or_empty("ethics:principle_permalink", number=principle.number)


def principle_url(version, number: int, language: str | None = None) -> str:
    """A principle's own page in one version (the permalink follows the number instead)."""
    with translation.override(language or translation.get_language()):
        return reverse_or_empty("ethics:principle_detail", label=version.label, number=number)
