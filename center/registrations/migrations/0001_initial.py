# Event registration: setups per event, registrations, and the emails to registrants.

import django.core.validators
import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('events', '0003_editors_permissions'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Registration',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('status', models.CharField(choices=[('confirmed', 'Confirmed'), ('waitlisted', 'On the waitlist'), ('offered', 'Seat offered'), ('cancelled', 'Cancelled'), ('expired', 'Offer lapsed')], db_index=True, max_length=20, verbose_name='status')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('email', models.EmailField(max_length=254, verbose_name='email')),
                ('affiliation', models.CharField(blank=True, max_length=200, verbose_name='affiliation')),
                ('access_needs', models.TextField(blank=True, verbose_name='access needs')),
                ('language', models.CharField(default='en', max_length=10, verbose_name='language')),
                ('consented_at', models.DateTimeField(verbose_name='agreed to the privacy notice at')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='registered')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='seat confirmed')),
                ('offered_at', models.DateTimeField(blank=True, null=True, verbose_name='seat offered')),
                ('offer_expires_at', models.DateTimeField(blank=True, null=True, verbose_name='offer open until')),
                ('cancelled_at', models.DateTimeField(blank=True, null=True, verbose_name='cancelled')),
                ('reminder_sent_at', models.DateTimeField(blank=True, null=True, verbose_name='reminder sent')),
                ('checked_in_at', models.DateTimeField(blank=True, null=True, verbose_name='checked in')),
                ('anonymised_at', models.DateTimeField(blank=True, null=True, verbose_name='anonymised')),
                ('checked_in_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='checked in by')),
                ('event', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='registrations', to='events.event', verbose_name='event')),
            ],
            options={
                'verbose_name': 'registration',
                'verbose_name_plural': 'registrations',
                'ordering': ['event', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='Notice',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('key', models.CharField(editable=False, max_length=100, unique=True)),
                ('kind', models.CharField(choices=[('confirmation', 'Seat confirmed'), ('waitlisted', 'On the waitlist'), ('offer', 'Seat offered from the waitlist'), ('cancelled', 'Registration cancelled'), ('reminder', 'Reminder the day before'), ('event_changed', 'The event changed'), ('event_cancelled', 'The event is cancelled')], max_length=20, verbose_name='kind')),
                ('message', models.TextField(blank=True, verbose_name='message')),
                ('status', models.CharField(choices=[('pending', 'Pending'), ('sent', 'Sent'), ('failed', 'Failed')], default='pending', max_length=10, verbose_name='status')),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created')),
                ('claimed_until', models.DateTimeField(blank=True, null=True, verbose_name='claimed until')),
                ('attempts', models.PositiveSmallIntegerField(default=0, verbose_name='sending attempts')),
                ('last_error', models.CharField(blank=True, max_length=300, verbose_name='last error')),
                ('sent_at', models.DateTimeField(blank=True, null=True, verbose_name='sent')),
                ('registration', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notices', to='registrations.registration', verbose_name='registration')),
            ],
            options={
                'verbose_name': 'email to a registrant',
                'verbose_name_plural': 'emails to registrants',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.CreateModel(
            name='RegistrationSetup',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('mode', models.CharField(choices=[('open', 'Open to everyone'), ('invitation', 'With an invitation code'), ('closed', 'Closed')], default='closed', max_length=20, verbose_name='registration')),
                ('capacity', models.PositiveIntegerField(validators=[django.core.validators.MinValueValidator(1)], verbose_name='seats')),
                ('deadline', models.DateTimeField(blank=True, help_text='Leave empty to take registrations until the event starts.', null=True, verbose_name='registration closes')),
                ('invitation_code', models.CharField(blank=True, max_length=40, verbose_name='invitation code')),
                ('ask_affiliation', models.BooleanField(default=True, verbose_name='ask for the affiliation')),
                ('ask_access_needs', models.BooleanField(default=True, verbose_name='ask about access needs')),
                ('offer_hours', models.PositiveSmallIntegerField(default=48, help_text='A seat offered to the first on the waitlist passes on after this.', validators=[django.core.validators.MinValueValidator(1)], verbose_name='hours to accept a freed seat')),
                ('event', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='registration_setup', to='events.event', verbose_name='event')),
            ],
            options={
                'verbose_name': 'registration setup',
                'verbose_name_plural': 'registration setups',
            },
        ),
        migrations.AddIndex(
            model_name='registration',
            index=models.Index(fields=['event', 'status', 'id'], name='registrations_waitlist_order'),
        ),
        migrations.AddConstraint(
            model_name='registration',
            constraint=models.UniqueConstraint(django.db.models.functions.text.Lower('email'), models.F('event'), condition=models.Q(('status__in', ['confirmed', 'offered', 'waitlisted']), ('anonymised_at__isnull', True)), name='registrations_one_active_per_email'),
        ),
        migrations.AddIndex(
            model_name='notice',
            index=models.Index(fields=['status', 'created_at'], name='registrations_notice_pending'),
        ),
    ]
