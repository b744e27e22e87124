from django.db.models import Prefetch, QuerySet

from .models import Event, Session, SessionSpeaker


def _speakers_queryset() -> QuerySet:
    return SessionSpeaker.objects.select_related("person").prefetch_related(
        "translations", "person__translations"
    )


def _sessions_queryset() -> QuerySet:
    return Session.objects.prefetch_related(
        "translations", Prefetch("session_speakers", queryset=_speakers_queryset())
    )


def with_agenda(queryset: QuerySet) -> QuerySet:
    """Prefetch everything a page shows of an event, so queries do not grow with the rows."""
    return queryset.prefetch_related(
        "translations", Prefetch("sessions", queryset=_sessions_queryset())
    )


def upcoming_events() -> QuerySet:
    return with_agenda(Event.objects.upcoming())


def past_events(*, year: int | None = None) -> QuerySet:
    events = Event.objects.past()
    if year is not None:
        events = events.filter(start__year=year)
    return with_agenda(events)


def past_event_years() -> list[int]:
    return [d.year for d in Event.objects.past().datetimes("start", "year", order="DESC")]


def event_for_visitor(*, slug: str, can_preview: bool) -> Event | None:
    events = Event.objects.all() if can_preview else Event.objects.published()
    return with_agenda(events.filter(slug=slug)).first()


def events_for_person(person) -> list[Event]:
    """Published events where the person has a part, newest first. Each event carries
    `person_sessions`: only that person's sessions, with their part in each."""
    sessions = _sessions_queryset().filter(session_speakers__person=person).distinct()
    return list(
        Event.objects.published()
        .filter(sessions__session_speakers__person=person)
        .distinct()
        .order_by("-start", "-pk")
        .prefetch_related(
            "translations",
            Prefetch("sessions", queryset=sessions, to_attr="person_sessions"),
        )
    )
