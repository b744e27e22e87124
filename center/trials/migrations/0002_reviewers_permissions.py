"""Gives the Reviewers group (center/core 0001) what the review needs. Editors get nothing
here: applicants' personal data are for Reviewers and superusers only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWERS = "Reviewers"
# model -> actions; applications are never added or deleted by hand (see admin.py).
PERMISSIONS = {
    "trialapplication": ["view", "change"],
    "auditevent": ["view"],
    "emailoutbox": ["view", "change"],
    "product": ["view", "add", "change", "delete"],
    "privacynotice": ["view", "add", "change"],
    "decisiontemplate": ["view", "add", "change"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("trials")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # not there yet on a fresh DB
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items()
                 for action in actions]
    reviewers.permissions.add(*Permission.objects.filter(content_type__app_label="trials",
                                                         codename__in=codenames))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=REVIEWERS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="trials"))


class Migration(migrations.Migration):
    dependencies = [
        ("trials", "0001_initial"),
        ("core", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
