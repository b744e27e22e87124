import pytest

from .factories import EventFactory, SessionFactory, SessionSpeakerFactory


@pytest.fixture
def event_with_agenda(db):
    """A published upcoming event with a keynote by one speaker."""
    event = EventFactory(slug="ai-and-law", title="AI and Law")
    part = SessionSpeakerFactory(
        session=SessionFactory(event=event, kind="keynote", title="Keynote on AI"),
        person__slug="yang-li", person__name="Yang Li", note="on behalf of the Institute",
    )
    return event, part.person
