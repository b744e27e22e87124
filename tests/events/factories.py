from datetime import timedelta

import factory
from django.utils import timezone

from center.events.models import Event, Session, SessionSpeaker
from center.people.models import Person


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"speaker-{n}")
    name = factory.Sequence(lambda n: f"Speaker {n}")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "A seminar on AI ethics."
    venue_name = "North Building No.4"
    venue_address = "1954 Huashan Road, Shanghai"
    start = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    end = factory.LazyAttribute(lambda event: event.start + timedelta(hours=2))
    status = Event.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    class Params:
        draft = factory.Trait(status=Event.Status.DRAFT, published_at=None)
        past = factory.Trait(
            start=factory.LazyFunction(lambda: timezone.now() - timedelta(days=30))
        )


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    order = factory.Sequence(int)
    kind = Session.Kind.TALK
    title = factory.Sequence(lambda n: f"Talk {n}")


class SessionSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SessionSpeaker

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory(PersonFactory)
    role = SessionSpeaker.Role.SPEAKER
    note = ""
