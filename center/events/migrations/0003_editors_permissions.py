"""Editors manage events, their sessions and speakers: they add, change and publish them in the
admin and preview drafts on the site (center/core/permissions.py)."""

from django.db import migrations

from center.core.staff_groups import EDITORS, grant_all


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_plugins"),
        ("core", "0001_staff_groups"),
    ]

    operations = [grant_all(EDITORS, "events")]
