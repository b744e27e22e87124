"""Privacy: REGISTRATIONS_RETENTION_DAYS after an event ends its registrants' name, email
and answers are blanked; the counts per status, the timestamps and who checked them in stay;
emails not yet sent are dropped, and the links in the emails already sent open nothing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from center.core.queue import enqueue
from center.registrations import selectors, services, tokens
from center.registrations.models import Notice, Registration, RegistrationSetup
from tests.events.factories import EventFactory

pytestmark = pytest.mark.django_db

RETENTION = 90


@pytest.fixture(autouse=True)
def retention(settings):
    settings.REGISTRATIONS_RETENTION_DAYS = RETENTION


def event_with_registrants(*, ended_days_ago: int, capacity: int = 2):
    """An event that ended `ended_days_ago` days ago, with 2 confirmed registrants (one
    with answers), one on the waitlist and one who cancelled, registered before it."""
    end = timezone.now() - timedelta(days=ended_days_ago)
    event = EventFactory(start=end - timedelta(hours=2), end=end)
    RegistrationSetup.objects.create(event=event, mode="open", capacity=capacity)
    before = event.start - timedelta(days=10)
    people = [("Li Wei", "li.wei@example.org", "Koguan Law School", "Step-free access"),
              ("Anna Schmidt", "anna@example.org", "", ""),
              ("王芳", "wang.fang@example.org", "", ""),
              ("Tom Baker", "tom@example.org", "", "")]
    registrations = [services.registration_create(
        event_id=event.pk, name=name, email=email, language="en", affiliation=affiliation,
        access_needs=needs, now=before)[0] for name, email, affiliation, needs in people]
    services.registration_cancel(registration=registrations[3], now=before)
    return event, registrations


def test_personal_data_is_blanked_and_counts_stay(django_user_model):
    event, registrations = event_with_registrants(ended_days_ago=RETENTION + 1)
    staff = django_user_model.objects.create(username="door")
    Registration.objects.filter(pk=registrations[0].pk).update(
        checked_in_at=event.start, checked_in_by=staff)
    counts = selectors.counts_by_status(event.pk)
    assert counts["confirmed"] == 2 and counts["waitlisted"] == 1 and counts["cancelled"] == 1

    assert services.registrations_anonymise() == 4

    assert selectors.counts_by_status(event.pk) == counts
    for row in Registration.objects.filter(event=event):
        assert (row.name, row.email, row.affiliation, row.access_needs) == ("", "", "", "")
        assert row.anonymised_at is not None
        assert row.consented_at is not None and row.created_at is not None
    checked_in = Registration.objects.get(pk=registrations[0].pk)
    # The door staff's own record is not the registrant's data.
    assert checked_in.checked_in_at == event.start and checked_in.checked_in_by == staff
    assert checked_in.confirmed_at is not None
    assert services.registrations_anonymise() == 0  # already done


def test_events_within_retention_are_untouched():
    recent, registrations = event_with_registrants(ended_days_ago=RETENTION - 1)
    old, _ = event_with_registrants(ended_days_ago=RETENTION + 30)

    assert services.registrations_anonymise() == 4  # only the old event's

    kept = Registration.objects.get(pk=registrations[0].pk)
    assert (kept.name, kept.email, kept.affiliation, kept.access_needs) == (
        "Li Wei", "li.wei@example.org", "Koguan Law School", "Step-free access")
    assert kept.anonymised_at is None
    assert not Registration.objects.filter(event=recent, anonymised_at__isnull=False).exists()


def test_the_retention_is_a_setting(settings):
    event_with_registrants(ended_days_ago=20)
    assert services.registrations_anonymise() == 0
    settings.REGISTRATIONS_RETENTION_DAYS = 7
    assert services.registrations_anonymise() == 4


def test_unsent_emails_are_dropped():
    event, registrations = event_with_registrants(ended_days_ago=RETENTION + 1)
    pending = Notice.objects.filter(registration__event=event, status=Notice.Status.PENDING)
    assert pending.count() == 5  # 2 confirmed, 2 waitlisted, 1 cancelled

    services.registrations_anonymise()

    assert not pending.exists()
    failed = Notice.objects.filter(registration__event=event, status=Notice.Status.FAILED)
    assert failed.count() == 5
    assert {row.last_error for row in failed} == {"anonymised before sending"}


@pytest.mark.parametrize("salt", [tokens.CANCEL_SALT, tokens.ACCEPT_SALT, tokens.CHECKIN_SALT])
def test_links_in_old_emails_open_nothing(client, salt):
    event, registrations = event_with_registrants(ended_days_ago=RETENTION + 1)
    token = tokens.make_token(registrations[0], salt)
    assert tokens.read_token(token, salt).pk == registrations[0].pk

    services.registrations_anonymise()

    with pytest.raises(tokens.TokenInvalid):
        tokens.read_token(token, salt)


def test_cancel_link_of_an_anonymised_registration_shows_it_is_no_longer_valid(client):
    event, registrations = event_with_registrants(ended_days_ago=RETENTION + 1)
    url = f"/en/registrations/cancel/{tokens.make_token(registrations[1], tokens.CANCEL_SALT)}/"
    services.registrations_anonymise()

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert Registration.objects.get(pk=registrations[1].pk).status == "confirmed"


def test_anonymised_addresses_do_not_block_each_other():
    # Two people with the same address on one event, both blanked to "": the one-active-
    # registration constraint leaves anonymised rows out, so the second blanking succeeds.
    event, _ = event_with_registrants(ended_days_ago=RETENTION + 1, capacity=10)
    assert services.registrations_anonymise() == 4
    assert Registration.objects.filter(event=event, email="", status__in=Registration.ACTIVE
                                       ).count() == 3


def test_beat_runs_the_anonymisation_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["registrations-anonymise-expired"]
    assert entry["schedule"].hour == {2} and len(entry["schedule"].minute) == 1
    event, _ = event_with_registrants(ended_days_ago=RETENTION + 1)

    assert enqueue(entry["task"])  # the named task exists and does the work

    assert not Registration.objects.filter(event=event, anonymised_at__isnull=True).exists()
