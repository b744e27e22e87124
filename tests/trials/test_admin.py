import csv
import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail

from center.trials import services
from center.trials.models import TrialApplication
from tests.support.users import UserFactory

from .factories import DecisionTemplateFactory, application_create

pytestmark = pytest.mark.usefixtures("trial_page")

LIST = "/en/admin/trials/trialapplication/"


def _change(application) -> str:
    return f"{LIST}{application.pk}/change/"


def _move(application, state) -> str:
    return f"{LIST}{application.pk}/transition/{state}/"


def test_reviewers_have_their_permissions_and_editors_none():
    reviewers = set(Group.objects.get(name="Reviewers").permissions.filter(
        content_type__app_label="trials").values_list("codename", flat=True))
    assert {"view_trialapplication", "change_trialapplication", "add_product"} <= reviewers
    assert "delete_trialapplication" not in reviewers
    # Editors only place the transparency report plugin on pages (its settings: a year).
    assert not Group.objects.get(name="Editors").permissions.filter(
        content_type__app_label="trials").exclude(
        content_type__model="transparencyreportplugin").exists()


def test_a_reviewer_lists_filters_and_searches_applications(client, reviewer):
    application_create(organisation="Analytical Hospital")
    application_create(email="bob@example.org", organisation="Babbage School",
                       sector="education")
    client.force_login(reviewer)

    assert "Analytical Hospital" in client.get(LIST).content.decode()
    only_schools = client.get(LIST, {"sector__exact": "education"}).content.decode()
    assert "Babbage School" in only_schools and "Analytical Hospital" not in only_schools
    found = client.get(LIST, {"q": "bob@example.org"}).content.decode()
    assert "Babbage School" in found and "Analytical Hospital" not in found


def test_editors_cannot_see_applicants_data_even_when_given_the_permission(client, editor):
    application = application_create()
    client.force_login(editor)
    assert client.get(LIST).status_code == 403
    assert client.get(_change(application)).status_code in (302, 403)
    # A permission handed out by mistake still does not open it: the group decides.
    editor.user_permissions.add(Permission.objects.get(codename="view_trialapplication"))
    assert client.get(LIST).status_code == 403
    assert "Analytical Hospital" not in client.get("/en/admin/").content.decode()


def test_a_reviewer_reviews_and_approves_with_a_prefilled_message(
        client, reviewer, committed):
    DecisionTemplateFactory(state="approved", message="We are pleased to approve your trial.")
    application = application_create()
    client.force_login(reviewer)
    page = client.get(_change(application)).content.decode()
    assert "Start review" in page and "Approve" not in page  # only allowed moves

    client.post(_move(application, "in_review"), {"internal_note": "Looks solid"})
    form = client.get(_move(application, "approved")).content.decode()
    assert "We are pleased to approve your trial." in form
    with committed():
        response = client.post(_move(application, "approved"), {
            "message": "We are pleased to approve your trial. Start on Monday.",
            "internal_note": "Board agreed"}, follow=True)

    html = response.content.decode()
    assert f"{application.reference} is now Approved." in html
    assert "Board agreed" in html and "Looks solid" in html  # the staff timeline
    assert application.events.count() == 3
    (decision,) = [m for m in mail.outbox if m.to == ["ada@example.org"]]
    assert "Start on Monday." in decision.body and "is approved" in decision.subject
    assert "Board agreed" not in decision.body


def test_an_illegal_move_shows_a_message_and_changes_nothing(client, reviewer):
    application = application_create()
    client.force_login(reviewer)
    response = client.post(_move(application, "approved"), {"message": "Yes"}, follow=True)
    assert "cannot move to" in response.content.decode()
    assert TrialApplication.objects.get(pk=application.pk).state == "submitted"
    assert client.get(_move(application, "bogus")).status_code == 404


def test_a_decision_needs_a_message_for_the_applicant(client, reviewer):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    client.force_login(reviewer)
    response = client.post(_move(application, "declined"), {"message": ""})
    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert TrialApplication.objects.get(pk=application.pk).state == "in_review"


def test_assigning_a_reviewer_is_audited(client, reviewer):
    application = application_create()
    other = UserFactory(username="sam", group="Reviewers")
    client.force_login(reviewer)
    response = client.post(_change(application), {"assigned_to": other.pk})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.assigned_to == other
    assert application.events.filter(internal_note="Assigned to sam.", actor=reviewer).exists()


def test_csv_export_for_reviewers(client, reviewer):
    application_create(organisation="=HYPERLINK(\"http://evil\")")
    application_create(email="li@example.cn", organisation="上海医院")
    client.force_login(reviewer)
    ids = list(TrialApplication.objects.values_list("pk", flat=True))
    response = client.post(LIST, {"action": "export_csv", "_selected_action": ids})
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["reference", "submitted_at", "state"]
    organisations = {row[5] for row in rows[1:]}
    assert organisations == {"'=HYPERLINK(\"http://evil\")", "上海医院"}


def test_the_change_page_shows_the_state_as_a_badge_and_the_timeline_before_the_details(
        client, reviewer):
    application = application_create()
    client.force_login(reviewer)
    page = client.get(_change(application)).content.decode()
    assert 'class="trials-state trials-state--submitted">Submitted<' in page
    assert page.index('class="trials-timeline"') < page.index("field-intended_use")
    # The reviewer field picks a colleague; it offers no user add/edit/delete buttons.
    assert "add_id_assigned_to" not in page and "change_id_assigned_to" not in page
    assert "delete_id_assigned_to" not in page and 'name="assigned_to"' in page
    assert 'name="_save"' in page
    listing = client.get(LIST).content.decode()
    assert "trials-state--submitted" in listing and "column-sector" not in listing


def test_a_decided_application_is_read_only_with_no_save(client, reviewer):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    services.application_decline(application=application, reviewer=reviewer, message="No.")
    client.force_login(reviewer)
    page = client.get(_change(application)).content.decode()
    assert 'name="_save"' not in page and 'name="_continue"' not in page
    assert 'name="assigned_to"' not in page
    assert "trials-state--declined" in page
    assert client.post(_change(application), {"assigned_to": reviewer.pk}).status_code == 403


def test_the_admin_stylesheet_is_linked_once_on_every_reviewer_page(client, reviewer):
    # Linked twice, the browser fetched and applied it twice.
    application = application_create()
    client.force_login(reviewer)
    for url in (LIST, _change(application), _move(application, "in_review")):
        assert client.get(url).content.decode().count("trials/css/trials-admin.css") == 1, url
