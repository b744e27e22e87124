"""Reviewers assess applications (view and change assessments, ratings and conditions).
Editors and Newsletter managers get nothing: the ethics review is for Reviewers and
superusers only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REVIEWERS = "Reviewers"
CODENAMES = [f"{action}_{model}" for model in ("assessment", "principlerating", "condition")
             for action in ("view", "add", "change")] + ["delete_condition"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("trials")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # not there yet on a fresh DB
    app_config.models_module = None
    reviewers, _ = apps.get_model("auth", "Group").objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.add(*apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="trials", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name=REVIEWERS):
        group.permissions.remove(*group.permissions.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):
    dependencies = [("trials", "0005_ethics_assessment")]

    operations = [migrations.RunPython(grant, revoke)]
