from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from center.events.models import Event, EventStatusError
from center.events.services import event_publish, event_unpublish

from .factories import EventFactory


def test_upcoming_and_past_split_on_the_end_time(db):
    now = timezone.now()
    running = EventFactory(start=now - timedelta(hours=1), end=now + timedelta(hours=1))
    future = EventFactory(start=now + timedelta(days=2))
    past = EventFactory(past=True)
    EventFactory(draft=True)

    assert list(Event.objects.upcoming()) == [running, future]
    assert list(Event.objects.past()) == [past]


def test_publish_sets_status_and_time_and_audits(db, staff_user):
    event = EventFactory(draft=True)

    event_publish(event=event, user=staff_user)

    event.refresh_from_db()
    assert event.status == Event.Status.PUBLISHED and event.published_at is not None
    assert Event.objects.published().filter(pk=event.pk).exists()
    from django.contrib.admin.models import LogEntry
    assert LogEntry.objects.filter(object_id=str(event.pk), user=staff_user).exists()


def test_publish_refuses_a_published_event_and_unpublish_a_draft(db):
    published = EventFactory()
    with pytest.raises(EventStatusError):
        event_publish(event=published, user=None)
    event_unpublish(event=published, user=None)
    assert Event.objects.get(pk=published.pk).status == Event.Status.DRAFT
    with pytest.raises(EventStatusError):
        event_unpublish(event=published, user=None)


def test_time_zone_must_be_a_known_zone(db):
    event = EventFactory.build(timezone="Mars/Olympus_Mons")
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "timezone" in error.value.message_dict


def test_an_event_cannot_end_before_it_starts(db):
    event = EventFactory.build()
    event.end = event.start - timedelta(minutes=1)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert "end" in error.value.message_dict
