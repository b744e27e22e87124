from django.db.models import Count, Min, Prefetch, Q, QuerySet, prefetch_related_objects
from django.db.models.functions import ExtractYear
from django.utils import timezone

from center.core.i18n import with_translations

from .models import Event, Session, SessionSpeaker


def _speakers_queryset() -> QuerySet:
    return with_translations(SessionSpeaker.objects.all(), "person")


def _sessions_queryset() -> QuerySet:
    return with_translations(Session.objects.all()).prefetch_related(
        Prefetch("session_speakers", queryset=_speakers_queryset())
    )


def with_agenda(queryset: QuerySet) -> QuerySet:
    """Prefetch everything a page shows of an event, so queries do not grow with the rows:
    the events, their sessions, and the sessions' speakers, each with their translations."""
    return with_translations(queryset).prefetch_related(
        Prefetch("sessions", queryset=_sessions_queryset())
    )


def upcoming_events() -> QuerySet:
    return with_agenda(Event.objects.upcoming())


def next_upcoming_events(*, count: int) -> list[Event]:
    return list(upcoming_events()[:count])


def next_schedule_change():
    """When a published event next starts or ends (lists, cards and agendas change then)."""
    moment = timezone.now()
    bounds = Event.objects.published().aggregate(
        starts=Min("start", filter=Q(start__gt=moment)),
        ends=Min("end", filter=Q(end__gt=moment)),
    )
    return min((bound for bound in bounds.values() if bound is not None), default=None)


def past_events(*, year: int | None = None) -> QuerySet:
    """Without their agendas: a list page reads those for all its cards at once."""
    events = Event.objects.past()
    if year is not None:
        events = events.filter(start__year=year)
    return with_translations(events)


def upcoming_events_without_agendas() -> QuerySet:
    return with_translations(Event.objects.upcoming())


def with_agendas(events: list[Event]) -> list[Event]:
    """The agendas of events read apart (a list page's sections), in one read for all."""
    prefetch_related_objects(events, Prefetch("sessions", queryset=_sessions_queryset()))
    return events


def past_event_counts() -> dict[int, int]:
    """{year: number of past events}, newest year first (the list's year filter and its
    page count in one query)."""
    years = (Event.objects.past().annotate(year=ExtractYear("start")).values("year")
             .annotate(count=Count("pk")).order_by("-year"))
    return {row["year"]: row["count"] for row in years}


def _visible_events(*, can_preview: bool) -> QuerySet:
    return Event.objects.all() if can_preview else Event.objects.published()


def event_for_visitor(*, slug: str, can_preview: bool) -> Event | None:
    return with_agenda(_visible_events(can_preview=can_preview).filter(slug=slug)).first()


def event_for_card(*, event_id: int | None, can_preview: bool) -> Event | None:
    if event_id is None:  # the chosen event was deleted
        return None
    return with_agenda(_visible_events(can_preview=can_preview).filter(pk=event_id)).first()


def events_for_person(person) -> list[Event]:
    """Published events where the person has a part, newest first. Each event carries
    `person_sessions`: only that person's sessions, with their part in each."""
    sessions = _sessions_queryset().filter(session_speakers__person=person).distinct()
    return list(
        with_translations(Event.objects.published())
        .filter(sessions__session_speakers__person=person)
        .distinct()
        .order_by("-start", "-pk")
        .prefetch_related(Prefetch("sessions", queryset=sessions, to_attr="person_sessions"))
    )
