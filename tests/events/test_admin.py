from center.events.models import Event
from center.events.sitemaps import EventSitemap

from .factories import EventFactory


def test_publish_action_publishes_drafts_and_skips_the_rest(admin_client):
    draft = EventFactory(draft=True)
    published = EventFactory()

    response = admin_client.post(
        "/en/admin/events/event/",
        {"action": "publish", "_selected_action": [draft.pk, published.pk]},
        follow=True,
    )

    assert response.status_code == 200
    draft.refresh_from_db()
    assert draft.status == Event.Status.PUBLISHED and draft.published_at is not None
    messages = [str(m) for m in response.context["messages"]]
    assert any("1 event published" in m for m in messages)
    assert any("skipped" in m for m in messages)


def test_admin_pages_open(admin_client):
    event = EventFactory()
    for url in ("/en/admin/events/event/", "/en/admin/events/event/add/",
                f"/en/admin/events/event/{event.pk}/change/", "/en/admin/events/session/",
                "/en/admin/events/event/?q=Event"):
        assert admin_client.get(url).status_code == 200, url


def test_sitemap_lists_published_events_in_both_languages(client, demo_pages):
    client.get("/en/")  # the CMS loads the new apphook URLs on the next request
    EventFactory(slug="forum")
    EventFactory(slug="draft", draft=True)
    locations = [item["location"] for item in EventSitemap().get_urls()]
    assert sorted(locations) == ["https://127.0.0.1:8000/en/events/forum/",
                                 "https://127.0.0.1:8000/zh-hans/events/forum/"]
