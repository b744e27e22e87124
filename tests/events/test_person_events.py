import pytest
from django.template import Context, Template
from django.utils import translation

from center.events.selectors import events_for_person

from .factories import EventFactory, SessionFactory, SessionSpeakerFactory

INCLUDE = Template('{% include "events/includes/person_events.html" %}')


def _render(person) -> str:
    with translation.override("en"):
        return INCLUDE.render(Context({"person": person}))


def test_a_speaker_page_lists_their_published_events_and_talks(demo_pages, event_with_agenda):
    event, person = event_with_agenda
    other = SessionFactory(event=event, title="Someone else's talk")
    SessionSpeakerFactory(session=other)
    hidden = EventFactory(title="Hidden draft", draft=True)
    SessionSpeakerFactory(session__event=hidden, person=person)

    html = _render(person)

    assert 'href="/en/events/ai-and-law/">AI and Law</a>' in html
    assert "Keynote on AI" in html and ", on behalf of the Institute" in html
    assert "Someone else" not in html and "Hidden draft" not in html


def test_nothing_is_rendered_for_a_person_without_events(db):
    from .factories import PersonFactory

    assert _render(PersonFactory()).strip() == ""


@pytest.mark.urls("tests.events.urls_without_apphooks")
def test_works_without_the_events_page(event_with_agenda):
    # Neither apphook attached: no event or person URL can be reversed, yet nothing breaks.
    _, person = event_with_agenda
    html = _render(person)
    assert "AI and Law" in html and "href=" not in html


def test_selector_returns_each_event_once_with_only_the_persons_sessions(event_with_agenda):
    event, person = event_with_agenda
    SessionSpeakerFactory(session=SessionFactory(event=event, title="Second talk"),
                          person=person)
    SessionSpeakerFactory(session=SessionFactory(event=event, title="Not theirs"))

    (found,) = events_for_person(person)

    assert found == event
    assert [str(s) for s in found.person_sessions] == ["Keynote on AI", "Second talk"]
