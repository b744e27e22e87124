"""The transparency report: Reviewers (and superusers) publish it per year; Editors place
its plugin on pages (they add, change and delete the plugin's settings, nothing else)."""

import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

GRANTS = {
    "Reviewers": [f"{action}_transparencyreport" for action in ("view", "add", "change")],
    "Editors": [f"{action}_transparencyreportplugin"
                for action in ("view", "add", "change", "delete")],
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("trials")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)  # not there yet on a fresh DB
    app_config.models_module = None
    for name, codenames in GRANTS.items():
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
        group.permissions.add(*apps.get_model("auth", "Permission").objects.filter(
            content_type__app_label="trials", codename__in=codenames))


def revoke(apps, schema_editor):
    for name, codenames in GRANTS.items():
        for group in apps.get_model("auth", "Group").objects.filter(name=name):
            group.permissions.remove(*group.permissions.filter(codename__in=codenames))


class Migration(migrations.Migration):

    dependencies = [
        ('cms', '0045_pageurl_site_unique_path'),
        ('trials', '0007_review_reminders'),
        ('core', '0001_staff_groups'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='TransparencyReportPlugin',
            fields=[
                ('cmsplugin_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, related_name='%(app_label)s_%(class)s', serialize=False, to='cms.cmsplugin')),
                ('year', models.PositiveSmallIntegerField(validators=[django.core.validators.MinValueValidator(2000)], verbose_name='year')),
            ],
            options={
                'verbose_name': 'transparency report plugin',
                'verbose_name_plural': 'transparency report plugins',
            },
            bases=('cms.cmsplugin',),
        ),
        migrations.CreateModel(
            name='TransparencyReport',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(unique=True, validators=[django.core.validators.MinValueValidator(2000)], verbose_name='year')),
                ('is_published', models.BooleanField(default=False, help_text="Visitors see the year's aggregate numbers wherever a transparency report plugin shows it. Only a completed year can be published.", verbose_name='published')),
                ('published_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='published at')),
                ('published_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='published by')),
            ],
            options={
                'verbose_name': 'transparency report',
                'verbose_name_plural': 'transparency reports',
                'ordering': ['-year'],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
