import pytest
from django.template import Context, Template
from django.utils import translation

from .factories import WhitepaperAuthorFactory, WhitepaperFactory

INCLUDE = Template('{% include "publications/includes/person_whitepapers.html" %}')


def _render(person) -> str:
    with translation.override("en"):
        return INCLUDE.render(Context({"person": person}))


def test_a_speaker_page_lists_their_published_papers(client, demo_pages, whitepaper):
    person = whitepaper.authors.get()
    hidden = WhitepaperFactory(title="Hidden Draft", draft=True)
    WhitepaperAuthorFactory(whitepaper=hidden, person=person)
    WhitepaperFactory(title="Someone Else's Paper")

    html = client.get("/en/speakers/yang-li/").content.decode()

    assert '<a href="/en/whitepapers/ai-and-law/">AI and Law</a> · ' in html
    assert "Hidden Draft" not in html and "Someone Else" not in html


def test_nothing_is_rendered_for_a_person_without_papers(db):
    from .factories import PersonFactory

    assert _render(PersonFactory()).strip() == ""


@pytest.mark.urls("tests.events.urls_without_apphooks")
def test_works_without_the_whitepapers_page(whitepaper):
    html = _render(whitepaper.authors.get())
    assert "AI and Law" in html and "href=" not in html
