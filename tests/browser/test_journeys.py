"""The visitor's and the editor's journeys across news, events and speakers, on the full
demo content, in a real Chromium."""

import re

import icalendar
import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from center.people.models import Person

pytestmark = pytest.mark.browser


@pytest.fixture
def live_demo(transactional_db, django_db_serialized_rollback, live_server):
    call_command("load_demo", verbosity=0)
    return live_server.url


def test_visitor_goes_from_home_to_an_event_its_speaker_and_their_other_events(
        live_demo, new_page, assert_accessible, tmp_path):
    page = new_page()
    page.goto(live_demo + "/en/")
    expect(page.get_by_role("heading", name="Upcoming events")).to_be_visible()
    upcoming = page.locator(".upcoming-events")
    assert_accessible(page)

    upcoming.get_by_role(
        "link", name="Public Lecture: Computational Law and Accountable AI").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Public Lecture: Computational Law and Accountable AI")
    assert_accessible(page)

    page.locator(".agenda").get_by_role("link", name="Ji Weidong").first.click()
    expect(page).to_have_url(re.compile(r"/en/speakers/ji-weidong/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Ji Weidong")
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Inauguration Ceremony")).first.click()
    expect(page).to_have_url(re.compile(r"/en/events/inauguration-ceremony-2022/$"))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    download = download_info.value
    assert download.suggested_filename == "inauguration-ceremony-2022.ics"
    path = tmp_path / "event.ics"
    download.save_as(path)
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]).startswith("Inauguration Ceremony")
    assert event["DTSTART"].dt.isoformat().startswith("2022-03-26")


def test_visitor_reads_the_news_in_both_languages(live_demo, new_page, assert_accessible):
    page = new_page()
    page.goto(live_demo + "/en/news/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^University-Enterprise Cooperation")).click()
    expect(page.locator("figure figcaption")).to_have_text("Inauguration Ceremony")
    expect(page.get_by_role("heading", name="Recommended reading")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("navigation", name="Language").get_by_role("link", name="中文").click()
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    expect(page.get_by_role("heading", level=1)).to_contain_text("商汤科技与上海交通大学")
    assert_accessible(page)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_demo + "/zh-hans/news/")
    expect(page.locator(".story-card")).to_have_count(3)
    assert_accessible(page)


def test_editor_adds_an_event_with_two_speakers_and_visitors_see_it_once_published(
        live_demo, new_page):
    yang_li = Person.objects.get(slug="yang-li").pk
    tian_feng = Person.objects.get(slug="tian-feng").pk
    staff = new_page()
    staff.goto(live_demo + "/en/admin/login/?next=/en/admin/events/event/add/")
    staff.fill("#id_username", "admin")
    staff.fill("#id_password", "admin")
    staff.locator("input[type=submit], button[type=submit]").first.click()

    staff.fill("#id_title", "Workshop on Data Governance")
    staff.fill("#id_slug", "workshop-data-governance")
    staff.fill("#id_summary", "Two speakers on the two-wheel drive of technology and law.")
    staff.fill("#id_start_0", "2030-05-20")
    staff.fill("#id_start_1", "09:00:00")
    staff.fill("#id_end_0", "2030-05-20")
    staff.fill("#id_end_1", "12:00:00")
    staff.locator("#sessions-group .add-row a").click()  # the admin's "Add another Session"
    staff.fill("#id_sessions-0-title", "Data governance, two ways")
    staff.locator("input[name=_continue]").click()
    expect(staff.locator(".messagelist")).to_contain_text("was added successfully")

    staff.locator("#sessions-0 a.inlinechangelink").click()
    staff.fill("#id_session_speakers-0-person", str(yang_li))
    staff.locator("#session_speakers-group .add-row a").click()
    staff.fill("#id_session_speakers-1-person", str(tian_feng))
    staff.locator("input[name=_save]").click()
    expect(staff.locator(".messagelist")).to_contain_text("was changed successfully")

    visitor = new_page()
    assert visitor.goto(live_demo + "/en/events/workshop-data-governance/").status == 404

    staff.goto(live_demo + "/en/admin/events/event/?q=workshop")
    staff.locator("input[name=_selected_action]").first.check()
    staff.select_option("select[name=action]", "publish")
    staff.locator("button[name=index]").click()
    expect(staff.locator(".messagelist")).to_contain_text("1 event published")

    visitor.goto(live_demo + "/en/events/")
    visitor.get_by_role("link", name="Workshop on Data Governance").click()
    agenda = visitor.locator(".agenda")
    expect(agenda.get_by_role("link", name="Yang Li")).to_be_visible()
    expect(agenda.get_by_role("link", name="Tian Feng")).to_be_visible()
