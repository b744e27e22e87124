"""Gives the "Newsletter managers" group (center/core/migrations/0001) its permissions:
campaigns in full, subscribers to view and unsubscribe, consent records and deliveries to
view. Permissions are created first: Django adds them only after `migrate` finishes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Newsletter managers"
CODENAMES = [
    "add_campaign", "change_campaign", "delete_campaign", "view_campaign",
    "change_subscriber", "view_subscriber", "view_consentrecord", "view_delivery",
]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("newsletter")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(
        content_type__app_label="newsletter", codename__in=CODENAMES))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=GROUP):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="newsletter"))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
        ("core", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
