"""Links that must not break a page when the target apphook is not attached to a page:
the whitepapers and speakers URLs only exist once their apphook is on a CMS page."""

from django.urls import NoReverseMatch, reverse


def person_url(person) -> str:
    if not person.is_public:
        return ""
    try:
        return person.get_absolute_url()
    except NoReverseMatch:
        return ""


def whitepaper_url(whitepaper, language: str | None = None) -> str:
    try:
        return whitepaper.get_absolute_url(language)
    except NoReverseMatch:
        return ""


def whitepapers_page_url() -> str:
    try:
        return reverse("publications:whitepaper_list")
    except NoReverseMatch:
        return ""
