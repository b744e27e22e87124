"""Checking people in at the door on a 390 px phone: an Event manager searches a name and
checks them in; a colleague on a second phone who tries the same person is told who already
did it. The check-in page and the printable list have no axe violations."""

import os

import pytest
from django.test import Client
from playwright.sync_api import expect

from center.registrations import services
from center.registrations.models import Registration
from tests.registrations.conftest import open_event
from tests.support.users import UserFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
SCREENSHOTS = os.environ.get("CHECKIN_SCREENSHOTS")  # a folder, to look at the page by eye


def _event_with_registrants():
    setup = open_event(capacity=10)
    for name, email in [("Ada Lovelace", "ada@example.org"),
                        ("Grace Hopper", "grace@example.org"),
                        ("Zhang Wei", "zhang@example.org")]:
        services.registration_create(event_id=setup.event_id, name=name, email=email,
                                     language="en", affiliation="Analytical Society",
                                     access_needs="Step-free access")
    return setup


def _second_phone(new_page, live_site, user):
    """A second staff member's own session: staff_page's client holds only one login."""
    client = Client()
    client.force_login(user)
    page = new_page(**PHONE)
    page.context.add_cookies([{"name": "sessionid", "url": live_site,
                               "value": client.cookies["sessionid"].value}])
    return page


def test_two_staff_check_in_the_same_person_on_phones(live_site, staff_page, new_page,
                                                      axe_violations):
    setup = _event_with_registrants()
    emma = UserFactory(username="emma", group="Event managers")
    sam = UserFactory(username="sam", group="Event managers")
    url = f"{live_site}/en/admin/registrations/registrationsetup/{setup.pk}/checkin/"

    first = staff_page(emma, **PHONE)
    first.goto(url)
    assert not axe_violations(first), "check-in page"
    second = _second_phone(new_page, live_site, sam)
    second.goto(url)
    # Both phones find Ada before either checks her in.
    for phone in (first, second):
        phone.get_by_label("Name").fill("lovelace")
        phone.get_by_label("Name").press("Enter")
        expect(phone.get_by_role("button", name="Check in Ada Lovelace")).to_be_visible()
    # Nothing runs off the side of a 390 px screen.
    assert first.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    button = first.get_by_role("button", name="Check in Ada Lovelace")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300  # a thumb finds it

    if SCREENSHOTS:
        first.screenshot(path=f"{SCREENSHOTS}/checkin-390.png", full_page=True)
    button.click()
    expect(first.get_by_text("Ada Lovelace is checked in.")).to_be_visible()
    expect(first.get_by_label("Name")).to_have_value("lovelace")  # the search stays
    expect(first.get_by_text("checked in", exact=False).locator("visible=true").last
           ).to_contain_text("by emma")
    expect(first.get_by_role("button", name="Undo check-in Ada Lovelace")).to_be_visible()
    assert not axe_violations(first), "check-in page after a check-in"

    second.get_by_role("button", name="Check in Ada Lovelace").click()
    expect(second.get_by_text("Ada Lovelace was already checked in by emma at")).to_be_visible()
    assert Registration.objects.get(email="ada@example.org").checked_in_by == emma
    if SCREENSHOTS:
        second.screenshot(path=f"{SCREENSHOTS}/checkin-390-late.png", full_page=True)


def test_the_printable_check_in_list_is_accessible(live_site, staff_page, axe_violations):
    setup = _event_with_registrants()
    setup.event.title = "Public Lecture: Computational Law and Accountable AI, with Questions"
    setup.event.save()
    emma = UserFactory(username="emma", group="Event managers")
    page = staff_page(emma, width=1280, height=900)
    # The attendee list's columns fit a 1280 px screen, a long event title too: neither the
    # page nor the table in its own scrolling box scrolls sideways.
    page.goto(f"{live_site}/en/admin/registrations/registration/")
    expect(page.locator("#result_list tbody tr")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    assert page.locator(".results").evaluate("box => box.scrollWidth <= box.clientWidth")
    page.goto(f"{live_site}/en/admin/registrations/registrationsetup/{setup.pk}/checkin-list/")
    expect(page.get_by_role("row", name="Ada Lovelace")).to_be_visible()
    assert not axe_violations(page)
    # On paper only the list: the admin header is left out.
    page.emulate_media(media="print")
    expect(page.locator("#header")).to_be_hidden()
    expect(page.get_by_role("row", name="Grace Hopper")).to_be_visible()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_page_to_email_every_registrant_is_accessible(live_site, staff_page, axe_violations,
                                                          language):
    setup = _event_with_registrants()
    emma = UserFactory(username="emma", group="Event managers")
    page = staff_page(emma, width=1280, height=900)
    page.goto(f"{live_site}/{language}/admin/registrations/registrationsetup/{setup.pk}/notify/")
    expect(page.locator("textarea")).to_be_visible()
    assert not axe_violations(page)
    page.goto(f"{live_site}/{language}/admin/registrations/registrationsetup/{setup.pk}/change/")
    expect(page.locator(f"a[href$='/registrationsetup/{setup.pk}/notify/']")).to_be_visible()
