"""Links into the Code that must not break a page (a plugin, a search index) while the
"code-of-ethics" page has no apphook yet: the ethics URLs only exist once it is attached."""

from django.urls import NoReverseMatch, reverse
from django.utils import translation


def code_url(language: str | None = None) -> str:
    with translation.override(language or translation.get_language()):
        try:
            return reverse("ethics:code")
        except NoReverseMatch:
            return ""


def principle_permalink(principle, language: str | None = None) -> str:
    try:
        return principle.get_permalink(language)
    except NoReverseMatch:
        return ""
