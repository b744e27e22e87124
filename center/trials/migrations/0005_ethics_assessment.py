# The ethics review: an assessment per application against the Code version in force.

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('ethics', '0003_principle_order_help'),
        ('trials', '0004_repeat_check_index'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Assessment',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('opened_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='opened')),
                ('concurred_at', models.DateTimeField(blank=True, null=True, verbose_name='concurred')),
                ('application', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='assessment', to='trials.trialapplication', verbose_name='application')),
                ('code_version', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='assessments', to='ethics.codeversion', verbose_name='Code of Ethics version')),
                ('concurred_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='second reviewer')),
                ('opened_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='opened by')),
            ],
            options={
                'verbose_name': 'ethics assessment',
                'verbose_name_plural': 'ethics assessments',
            },
        ),
        migrations.CreateModel(
            name='Condition',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('text', models.CharField(max_length=300, verbose_name='condition')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='set')),
                ('assessment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='conditions', to='trials.assessment', verbose_name='assessment')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='set by')),
                ('principle', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ethics.principle', verbose_name='principle it serves')),
            ],
            options={
                'verbose_name': 'condition of use',
                'verbose_name_plural': 'conditions of use',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='PrincipleRating',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('risk', models.CharField(blank=True, choices=[('none', 'None'), ('low', 'Low'), ('medium', 'Medium'), ('high', 'High'), ('unacceptable', 'Unacceptable')], max_length=20, verbose_name='risk')),
                ('rationale', models.TextField(blank=True, verbose_name='rationale')),
                ('rated_at', models.DateTimeField(blank=True, null=True, verbose_name='rated')),
                ('assessment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='ratings', to='trials.assessment', verbose_name='assessment')),
                ('principle', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='ethics.principle', verbose_name='principle')),
                ('rated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='rated by')),
            ],
            options={
                'verbose_name': 'principle rating',
                'verbose_name_plural': 'principle ratings',
                'ordering': ['principle__order', 'principle__number'],
                'constraints': [models.UniqueConstraint(fields=('assessment', 'principle'), name='trials_one_rating_per_principle')],
            },
        ),
    ]
