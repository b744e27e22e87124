"""The staff groups' permissions, for the data migrations that grant them: each app gives a
group what working with that app needs, when the app arrives (groups: core 0001)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"


def grant_all(group_name: str, *app_labels: str) -> migrations.RunPython:
    """Every permission (view, add, change, delete) on the models of `app_labels`."""

    def grant(apps, schema_editor):
        for label in app_labels:
            app_config = apps.get_app_config(label)
            app_config.models_module = True
            create_permissions(app_config, apps=apps, verbosity=0)  # not there yet when fresh
            app_config.models_module = None
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=group_name)
        group.permissions.add(*apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label__in=app_labels))

    def revoke(apps, schema_editor):
        for group in apps.get_model("auth", "Group").objects.filter(name=group_name):
            group.permissions.remove(*group.permissions.filter(
                content_type__app_label__in=app_labels))

    return migrations.RunPython(grant, revoke)
