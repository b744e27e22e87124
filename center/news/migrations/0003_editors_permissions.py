"""Editors manage news stories (djangocms-stories) and their images: they add, change and publish
them in the admin and preview drafts on the site (center/core/permissions.py)."""

from django.db import migrations

from center.core.staff_groups import EDITORS, grant_all


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_news_config"),
        ("core", "0001_staff_groups"),
        ("djangocms_stories", "__latest__"),
    ]

    operations = [grant_all(EDITORS, "news", "djangocms_stories")]
