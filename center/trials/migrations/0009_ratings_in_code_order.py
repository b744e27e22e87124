# Ratings listed in the Code's order (sections, then principles).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('trials', '0008_transparency_report'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='principlerating',
            options={'ordering': ['principle__section__order', 'principle__order', 'principle__number'], 'verbose_name': 'principle rating', 'verbose_name_plural': 'principle ratings'},
        ),
    ]
