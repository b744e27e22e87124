def test_staff_toolbar_offers_adding_events_and_speakers(client, demo_pages, staff_user):
    client.force_login(staff_user)
    html = client.get("/en/about-us/").content.decode()
    assert "Add event" in html and "/en/admin/events/event/add/" in html
    assert "Add speaker" in html and "/en/admin/people/person/add/" in html


def test_visitors_and_staff_without_permission_get_no_such_entries(
    client, demo_pages, django_user_model
):
    assert "Add event" not in client.get("/en/about-us/").content.decode()
    clerk = django_user_model.objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(clerk)
    html = client.get("/en/about-us/").content.decode()
    assert "Add event" not in html and "Add speaker" not in html


def test_staff_toolbar_offers_adding_news_stories(client, demo_pages, staff_user):
    client.force_login(staff_user)
    html = client.get("/en/about-us/").content.decode()
    assert "Add news story" in html and "/en/admin/djangocms_stories/post/add/?app_config=" in html
