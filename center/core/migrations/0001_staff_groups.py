"""Creates the staff groups. Permissions are created here first because Django only adds
them after `migrate` finishes, and a fresh database has none yet."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
REVIEWERS = "Reviewers"
NEWSLETTER_MANAGERS = "Newsletter managers"

# Editors manage pages and content; page permissions and CMS user admin stay with superusers.
EDITOR_APPS = [
    "cms",
    "djangocms_versioning",
    "djangocms_alias",
    "djangocms_text",
    "djangocms_link",
    "djangocms_frontend",
    "filer",
]
EDITOR_EXCLUDED_MODELS = ["globalpagepermission", "pagepermission", "pageuser", "pageusergroup"]


def create_groups(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=EDITOR_APPS).exclude(
            content_type__model__in=EDITOR_EXCLUDED_MODELS
        )
    )
    # The workflows that give these groups their permissions arrive with their own apps.
    Group.objects.get_or_create(name=REVIEWERS)
    Group.objects.get_or_create(name=NEWSLETTER_MANAGERS)


def delete_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[EDITORS, REVIEWERS, NEWSLETTER_MANAGERS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "__latest__"),
        ("contenttypes", "__latest__"),
        *[(label, "__latest__") for label in EDITOR_APPS],
    ]

    operations = [migrations.RunPython(create_groups, delete_groups)]
