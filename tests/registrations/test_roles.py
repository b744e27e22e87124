"""Who sees registrants: the "Event managers" group (and superusers) hold the registrations
permissions, exactly these and nothing more; Editors, Reviewers and Newsletter managers hold
none of them, so the admin never shows them a registrant."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from tests.support.users import UserFactory

pytestmark = pytest.mark.django_db

EVENT_MANAGER_PERMISSIONS = {
    "view_registrationsetup", "add_registrationsetup", "change_registrationsetup",
    "view_registration", "change_registration",
    "view_notice",
}
OTHER_STAFF = ["Editors", "Reviewers", "Newsletter managers"]
# What shows registrants; nobody deletes a registration (cancelling keeps the count true).
REGISTRANT_PERMISSIONS = ["registrations.view_registration", "registrations.change_registration",
               "registrations.view_notice"]


def _codenames(group: Group) -> set[str]:
    return set(group.permissions.values_list("codename", flat=True))


def test_event_managers_hold_exactly_the_registrations_permissions():
    group = Group.objects.get(name="Event managers")

    assert _codenames(group) == EVENT_MANAGER_PERMISSIONS
    assert set(group.permissions.values_list("content_type__app_label", flat=True)) == {
        "registrations"}


@pytest.mark.parametrize("name", OTHER_STAFF)
def test_other_staff_groups_hold_no_registrations_permission(name):
    group = Group.objects.get(name=name)

    assert not group.permissions.filter(content_type__app_label="registrations").exists()


def test_only_event_managers_among_the_groups_hold_registrations_permissions():
    holders = Group.objects.filter(
        permissions__content_type__app_label="registrations").distinct()
    assert list(holders.values_list("name", flat=True)) == ["Event managers"]


@pytest.mark.parametrize("group, sees_registrants", [
    ("Event managers", True), ("Editors", False), ("Reviewers", False),
    ("Newsletter managers", False)])
def test_a_staff_member_sees_registrants_only_as_an_event_manager(group, sees_registrants):
    user = UserFactory(group=group)

    assert user.has_module_perms("registrations") is sees_registrants
    for permission in REGISTRANT_PERMISSIONS:
        assert user.has_perm(permission) is sees_registrants
    assert not user.has_perm("registrations.delete_registration")


def test_superusers_see_registrants_and_staff_without_a_group_do_not():
    assert UserFactory(is_superuser=True).has_perm("registrations.view_registration")
    plain = UserFactory()
    assert not plain.has_module_perms("registrations")
    assert not Permission.objects.filter(user=plain).exists()


def test_the_readme_names_event_managers_among_the_staff_groups():
    readme = (settings.BASE_DIR / "README.md").read_text(encoding="utf-8")
    staff_groups = next(paragraph for paragraph in readme.split("\n\n")
                        if paragraph.startswith("Staff groups"))
    assert "**Event managers**" in staff_groups
    assert "registrants only to Event managers and superusers" in " ".join(staff_groups.split())
