from django.contrib.redirects.models import Redirect

from center.core.links import site_root
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
    assert sorted(locations) == [f"{site_root()}/en/events/forum/",
                                 f"{site_root()}/zh-hans/events/forum/"]


def _change_form(event, **overrides):
    data = {
        "title": "AI and Law", "slug": event.slug, "summary": "", "body": "",
        "start_0": "2030-03-26", "start_1": "09:00:00",
        "end_0": "2030-03-26", "end_1": "12:00:00",
        "timezone": "Asia/Shanghai", "format": "in_person", "venue_name": "",
        "venue_address": "", "map_url": "", "registration_url": "",
        "sessions-TOTAL_FORMS": "0", "sessions-INITIAL_FORMS": "0",
        "sessions-MIN_NUM_FORMS": "0", "sessions-MAX_NUM_FORMS": "1000",
    }
    return data | overrides


def test_renaming_a_slug_redirects_the_old_address_in_both_languages(admin_client, demo_pages):
    event = EventFactory(slug="ai-and-law", title="AI and Law")
    change_url = f"/en/admin/events/event/{event.pk}/change/?language=en"

    response = admin_client.post(change_url, _change_form(event, slug="law-and-ai"))

    assert response.status_code == 302
    visitor = admin_client.__class__()
    for language in ("en", "zh-hans"):
        old = visitor.get(f"/{language}/events/ai-and-law/")
        assert old.status_code == 301
        assert old["Location"] == f"/{language}/events/law-and-ai/"
        assert visitor.get(old["Location"]).status_code == 200


def test_saving_without_a_new_slug_adds_no_redirect(admin_client, demo_pages):
    event = EventFactory(slug="ai-and-law")
    admin_client.post(f"/en/admin/events/event/{event.pk}/change/?language=en",
                      _change_form(event, title="AI and the Law"))

    assert not Redirect.objects.exists()
