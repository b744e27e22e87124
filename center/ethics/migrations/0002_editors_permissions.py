"""Editors manage the Code of Ethics: its versions, sections and principles: they add, change and
publish them in the admin and preview drafts on the site (center/core/permissions.py)."""

from django.db import migrations

from center.core.staff_groups import EDITORS, grant_all


class Migration(migrations.Migration):
    dependencies = [
        ("ethics", "0001_initial"),
        ("core", "0001_staff_groups"),
    ]

    operations = [grant_all(EDITORS, "ethics")]
