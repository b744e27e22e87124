"""Staff pages for registrants: only Event managers and superusers see them; the attendee
list filters, searches and exports (formula-guarded CSV); the check-in list and phone page;
two staff checking in the same person; the QR code on the confirmation email."""

import csv
import io

import pytest
import segno
from django.contrib.auth.models import Permission

from center.registrations import links, services
from center.registrations.models import Notice, Registration, RegistrationSetup
from center.registrations.notices import notice_message
from tests.support.users import UserFactory

from .conftest import open_event

ADMIN = "/en/admin/registrations"


def _register(setup, name, email, **fields):
    registration, _ = services.registration_create(event_id=setup.event_id, name=name,
                                                   email=email, language="en", **fields)
    return registration


def _pages(setup, registration):
    return [f"{ADMIN}/registration/", f"{ADMIN}/registration/{registration.pk}/change/",
            f"{ADMIN}/registrationsetup/", f"{ADMIN}/registrationsetup/{setup.pk}/change/",
            f"{ADMIN}/registrationsetup/{setup.pk}/checkin-list/",
            f"{ADMIN}/registrationsetup/{setup.pk}/checkin/"]


@pytest.fixture
def ada(db):
    setup = open_event(capacity=5)
    return setup, _register(setup, "Ada Lovelace", "ada@example.org",
                            affiliation="Analytical Society", access_needs="Step-free access")


@pytest.mark.parametrize("role", ["Event managers", "superuser"])
def test_event_managers_and_superusers_open_every_staff_page(client, ada, role):
    setup, registration = ada
    user = (UserFactory(username="root", is_superuser=True) if role == "superuser"
            else UserFactory(username="emma", group=role))
    client.force_login(user)
    for url in _pages(setup, registration):
        response = client.get(url)
        assert response.status_code == 200, url
    assert "Ada Lovelace" in client.get(f"{ADMIN}/registration/").content.decode()


@pytest.mark.parametrize("group", ["Editors", "Reviewers", "Newsletter managers"])
def test_other_staff_get_403_even_with_a_stray_permission(client, ada, group):
    setup, registration = ada
    user = UserFactory(username="other", group=group)
    user.user_permissions.add(*Permission.objects.filter(
        content_type__app_label="registrations",
        codename__in=["view_registration", "change_registration", "view_registrationsetup"]))
    client.force_login(user)
    for url in _pages(setup, registration):
        assert client.get(url).status_code == 403, url
    assert "Ada Lovelace" not in client.get("/en/admin/").content.decode()


def test_anonymous_visitors_are_sent_to_the_login(client, ada):
    setup, registration = ada
    for url in _pages(setup, registration):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], url


def test_the_attendee_list_filters_by_event_status_and_check_in_and_searches(
        client, ada, event_manager):
    setup, ada_registration = ada
    other = open_event(capacity=1)
    _register(other, "Babbage Charles", "charles@example.org", affiliation="Difference Engines")
    waiting = _register(other, "Grace Hopper", "grace@example.org")
    assert waiting.status == Registration.Status.WAITLISTED
    services.registration_check_in(registration=ada_registration, staff=event_manager)
    client.force_login(event_manager)
    url = f"{ADMIN}/registration/"

    by_event = client.get(url, {"event__id__exact": other.event_id}).content.decode()
    assert "Grace Hopper" in by_event and "Ada Lovelace" not in by_event
    waitlisted = client.get(url, {"status__exact": "waitlisted"}).content.decode()
    assert "Grace Hopper" in waitlisted and "Babbage Charles" not in waitlisted
    checked_in = client.get(url, {"checked_in": "yes"}).content.decode()
    assert "Ada Lovelace" in checked_in and "Grace Hopper" not in checked_in
    not_in = client.get(url, {"checked_in": "no"}).content.decode()
    assert "Ada Lovelace" not in not_in and "Grace Hopper" in not_in
    found = client.get(url, {"q": "Difference"}).content.decode()
    assert "Babbage Charles" in found and "Ada Lovelace" not in found
    # Personal data as given, read-only: no add button, no delete, no editable inputs.
    change = client.get(f"{url}{ada_registration.pk}/change/").content.decode()
    assert 'name="name"' not in change and "Step-free access" in change
    assert client.get(f"{url}add/").status_code == 403
    assert client.post(f"{url}{ada_registration.pk}/delete/", {"post": "yes"}).status_code == 403


def test_csv_export_guards_against_formulas(client, ada, event_manager):
    setup, registration = ada
    _register(setup, "=HYPERLINK(\"http://evil.example\")", "eve@example.org",
              affiliation="+Evil Corp")
    client.force_login(event_manager)
    response = client.post(f"{ADMIN}/registration/", {
        "action": "export_csv",
        "_selected_action": list(Registration.objects.values_list("pk", flat=True))})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_email = {row["email"]: row for row in rows}
    assert by_email["ada@example.org"]["name"] == "Ada Lovelace"
    assert by_email["ada@example.org"]["access_needs"] == "Step-free access"
    assert by_email["eve@example.org"]["name"] == "'=HYPERLINK(\"http://evil.example\")"
    assert by_email["eve@example.org"]["affiliation"] == "'+Evil Corp"


def test_staff_cancel_a_registration_instead_of_deleting_it(client, event_manager):
    setup = open_event(capacity=1)
    seated = _register(setup, "Ada Lovelace", "ada@example.org")
    client.force_login(event_manager)
    done = client.post(f"{ADMIN}/registration/", {"action": "cancel_registrations",
                                                 "_selected_action": [seated.pk]}, follow=True)
    assert "1 registration cancelled" in done.content.decode()
    seated.refresh_from_db()
    assert seated.status == Registration.Status.CANCELLED
    assert Notice.objects.filter(registration=seated, kind=Notice.Kind.CANCELLED).exists()
    assert "delete_selected" not in done.content.decode()  # no bulk delete offered


def test_the_setup_page_counts_links_and_generates_an_unguessable_code(
        client, ada, event_manager):
    setup, registration = ada
    services.registration_check_in(registration=registration, staff=event_manager)
    client.force_login(event_manager)
    url = f"{ADMIN}/registrationsetup/{setup.pk}/change/"
    page = client.get(url).content.decode()
    assert "1 confirmed, 0 on the waitlist, 0 offered a seat, 1 checked in" in page
    assert f"registrationsetup/{setup.pk}/checkin/" in page
    assert f"registrationsetup/{setup.pk}/checkin-list/" in page
    assert f"event__id__exact={setup.event_id}" in page

    form = {"event": setup.event_id, "mode": "invitation", "capacity": 5, "offer_hours": 48,
            "ask_affiliation": "on", "new_invitation_code": "on"}
    assert client.post(url, form).status_code == 302
    code = RegistrationSetup.objects.get(pk=setup.pk).invitation_code
    assert len(code) == 12 and code.isalnum() and not set(code) & set("0O1IL")
    client.post(url, form)
    assert RegistrationSetup.objects.get(pk=setup.pk).invitation_code != code
    short = client.post(url, {**form, "new_invitation_code": "", "invitation_code": "1234"})
    assert short.status_code == 200 and "at least 12 characters" in short.content.decode()


def test_the_printable_list_has_confirmed_people_by_name_and_a_print_stylesheet(
        client, event_manager):
    setup = open_event(capacity=2)
    _register(setup, "Zhang Wei", "zhang@example.org", affiliation="Tsinghua")
    _register(setup, "ada Byron", "ada@example.org", access_needs="Hearing loop")
    _register(setup, "Waiting Person", "wait@example.org")
    client.force_login(event_manager)
    page = client.get(f"{ADMIN}/registrationsetup/{setup.pk}/checkin-list/").content.decode()
    assert page.index("ada Byron") < page.index("Zhang Wei")
    assert "Hearing loop" in page and "Tsinghua" in page and "Waiting Person" not in page
    assert "registrations/css/checkin-list" in page and 'class="checkin-list-box"' in page


def test_two_staff_check_in_the_same_person_and_the_second_is_told_who(client, ada,
                                                                      event_manager):
    setup, registration = ada
    second = UserFactory(username="sam", group="Event managers")
    url = f"{ADMIN}/registrationsetup/{setup.pk}/checkin/"
    client.force_login(event_manager)
    found = client.get(url, {"q": "lovelace"}).content.decode()
    assert "Ada Lovelace" in found and "Check in" in found

    first = client.post(url, {"registration": registration.pk}, follow=True).content.decode()
    assert "Ada Lovelace is checked in." in first and "by emma" in first
    client.force_login(second)
    late = client.post(url, {"registration": registration.pk}, follow=True)
    assert late.status_code == 200
    assert "Ada Lovelace was already checked in by emma at " in late.content.decode()
    registration.refresh_from_db()
    assert registration.checked_in_by == event_manager


def test_the_service_lets_only_one_call_check_in(ada, event_manager):
    setup, registration = ada
    other_view = Registration.objects.get(pk=registration.pk)  # the second phone's copy
    assert services.registration_check_in(registration=registration, staff=event_manager)
    sam = UserFactory(username="sam", group="Event managers")
    assert not services.registration_check_in(registration=other_view, staff=sam)
    assert other_view.checked_in_by == event_manager  # refreshed: who did it

    assert services.registration_check_in_undo(registration=registration)
    assert registration.checked_in_at is None
    assert services.registration_check_in(registration=other_view, staff=sam)


def test_a_waitlisted_person_cannot_be_checked_in(client, event_manager):
    setup = open_event(capacity=1)
    _register(setup, "Ada Lovelace", "ada@example.org")
    waiting = _register(setup, "Grace Hopper", "grace@example.org")
    client.force_login(event_manager)
    url = f"{ADMIN}/registrationsetup/{setup.pk}/checkin/"
    assert "Grace Hopper" not in client.get(url, {"q": "Grace"}).content.decode()
    page = client.post(url, {"registration": waiting.pk}, follow=True).content.decode()
    assert "has no confirmed seat" in page
    assert client.post(url, {"registration": "nonsense"}, follow=True).status_code == 200
    assert not Registration.objects.filter(checked_in_at__isnull=False).exists()


def test_the_confirmation_email_carries_the_check_in_qr_code(demo_pages, ada):
    setup, registration = ada
    row = Notice.objects.get(registration=registration, kind=Notice.Kind.CONFIRMATION)
    message = notice_message(row)
    pngs = [(name, content) for name, content, mimetype in message.attachments
            if mimetype == "image/png"]
    assert len(pngs) == 1
    name, content = pngs[0]
    assert content.startswith(b"\x89PNG\r\n\x1a\n")
    expected = io.BytesIO()
    segno.make(links.checkin_url(registration), error="m", micro=False).save(
        expected, kind="png", scale=8, border=4)
    assert content == expected.getvalue()


def test_only_confirmations_carry_a_qr_code(demo_pages):
    setup = open_event(capacity=1)
    _register(setup, "Ada Lovelace", "ada@example.org")
    waiting = _register(setup, "Grace Hopper", "grace@example.org")
    row = Notice.objects.get(registration=waiting, kind=Notice.Kind.WAITLISTED)
    assert not [a for a in notice_message(row).attachments if a[2] == "image/png"]


def test_the_scanned_code_shows_staff_the_registrant_and_others_nothing_personal(
        client, demo_pages, ada, event_manager):
    setup, registration = ada
    url = "/" + links.checkin_url(registration).split("://", 1)[1].split("/", 1)[1]
    public = client.get(url)
    text = public.content.decode()
    assert public.status_code == 200 and "Show this at the entrance" in text
    assert str(setup.event) in text
    assert "Ada" not in text and "ada@example.org" not in text and "Analytical" not in text
    client.post(url)  # a visitor cannot check themselves in
    registration.refresh_from_db()
    assert registration.checked_in_at is None

    editor = UserFactory(username="eddie", group="Editors")
    client.force_login(editor)
    assert "Ada" not in client.get(url).content.decode()

    client.force_login(event_manager)
    staff = client.get(url).content.decode()
    assert "Ada Lovelace" in staff and "Check in" in staff
    done = client.post(url, follow=True).content.decode()
    assert "Ada Lovelace is checked in." in done and "by emma" in done
    assert client.get(url.replace("/checkin/", "/checkin/x")).status_code == 404


def test_the_check_in_page_speaks_chinese(client, ada, event_manager):
    setup, registration = ada
    services.registration_check_in(registration=registration, staff=event_manager)
    client.force_login(event_manager)
    page = client.get(f"/zh-hans/admin/registrations/registrationsetup/{setup.pk}/checkin/",
                      {"q": "Ada"}).content.decode()
    assert "撤销签到" in page and "由 emma 签到" in page and "已签到 1 / 1 人" in page
