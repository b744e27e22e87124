"""A draft event is private: only staff who may view or change events (and superusers) preview
it; everyone else, staff included, gets the visitors' 404 and no hint on a page's card."""

import pytest
from cms.api import add_plugin

from center.events.models import Event
from tests.support.cms import bare_placeholder, render_plugin
from tests.support.draft_viewers import ALLOWED, REFUSED, client_for, draft_viewer

from .factories import EventFactory

ADDRESSES = ["/en/events/draft-forum/", "/en/events/draft-forum/event.ics"]


@pytest.fixture
def draft(db):
    return EventFactory(slug="draft-forum", title="Secret Forum", draft=True)


@pytest.mark.parametrize("kind", REFUSED)
@pytest.mark.usefixtures("demo_pages")
def test_a_draft_event_is_404_without_the_events_permission(client, draft, kind):
    client = client_for(client, draft_viewer(kind, Event))
    for address in ADDRESSES:
        response = client.get(address)
        assert response.status_code == 404, address
        assert "Secret Forum" not in response.content.decode()


@pytest.mark.parametrize("kind", ALLOWED)
@pytest.mark.usefixtures("demo_pages")
def test_staff_who_may_see_events_preview_the_draft(client, draft, kind):
    client = client_for(client, draft_viewer(kind, Event))
    page = client.get(ADDRESSES[0])
    assert page.status_code == 200
    assert "Draft preview" in page.content.decode()
    assert "private" in page["Cache-Control"]
    assert client.get(ADDRESSES[1]).status_code == 200


@pytest.mark.parametrize("kind", REFUSED[1:])
def test_an_event_card_names_a_draft_only_to_staff_who_may_see_it(draft, kind):
    plugin = add_plugin(bare_placeholder(), "EventCardPlugin", "en", event=draft)
    assert "Secret Forum" not in render_plugin(plugin, user=draft_viewer(kind, Event))
    viewer = draft_viewer("view permission", Event)
    assert "“Secret Forum” is a draft" in render_plugin(plugin, user=viewer)
