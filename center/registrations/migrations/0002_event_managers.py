"""The Event managers group: they, and superusers, see and manage registrants. Editors do
not (they edit the events themselves, not who comes)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EVENT_MANAGERS = "Event managers"
PERMISSIONS = {
    "registrationsetup": ["view", "add", "change"],
    "registration": ["view", "change"],
    "notice": ["view"],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("registrations")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # not there yet on a fresh DB
    app_config.models_module = None
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=EVENT_MANAGERS)
    codenames = [f"{action}_{model}" for model, actions in PERMISSIONS.items()
                 for action in actions]
    group.permissions.add(*apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="registrations", codename__in=codenames))


def revoke(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=EVENT_MANAGERS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("registrations", "0001_initial"),
        ("core", "0001_staff_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
