# A cancelled event offers no more seats from its waitlist.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('registrations', '0002_event_managers'),
    ]

    operations = [
        migrations.AddField(
            model_name='registrationsetup',
            name='event_cancelled_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='event cancelled'),
        ),
    ]
