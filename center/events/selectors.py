from django.db.models import (
    Count,
    F,
    Prefetch,
    QuerySet,
    Subquery,
    prefetch_related_objects,
)
from django.db.models.functions import ExtractYear
from django.utils import timezone

from center.core.i18n import with_translations
from center.core.page_cache import earliest

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


def upcoming_event_cards(*, count: int) -> list[Event]:
    """The next events as their cards show them (the upcoming-events plugin), in two reads:
    the events, then the people of all their sessions at once (`agenda_people`, for
    Event.speakers: a card shows no agenda, so not sessions, then speakers). Each event also
    carries next_schedule_change() (`schedule_change`), read as columns of the first query,
    so the page's expiry costs no query of its own."""
    bounds = _schedule_bounds()
    events = list(with_translations(Event.objects.upcoming()).annotate(**bounds)[:count])
    if not events:
        return events
    parts = with_translations(
        SessionSpeaker.objects.filter(session__event__in=[event.pk for event in events]),
        "person", own=False,
    ).annotate(agenda_event_id=F("session__event_id")).order_by(
        "session__order", "session__pk", "order", "pk")  # agenda order, as Session's Meta
    people = {event.pk: {} for event in events}
    for part in parts:
        people[part.agenda_event_id].setdefault(part.person_id, part.person)
    for event in events:
        event.agenda_people = list(people[event.pk].values())
        event.schedule_change = earliest(*(getattr(event, name) for name in bounds))
    return events


def other_upcoming_events(*, event: Event, count: int) -> list[Event]:
    """The next events but this one, for an event page's side column: one read."""
    return list(with_translations(Event.objects.upcoming()).exclude(pk=event.pk)[:count])


def _schedule_bounds() -> dict[str, Subquery]:
    """When a published event next starts, and next ends: lists, cards and agendas change
    then. Subqueries, so a list's own query can carry them as columns."""
    moment = timezone.now()
    published = Event.objects.published().order_by()
    return {
        "next_start": Subquery(published.filter(start__gt=moment).order_by("start")
                               .values("start")[:1]),
        "next_end": Subquery(published.filter(end__gt=moment).order_by("end")
                             .values("end")[:1]),
    }


def next_schedule_change():
    """When a published event next starts or ends (or None)."""
    bounds = _schedule_bounds()
    # Any one row carries the bounds; with no event at all there is no change to wait for.
    row = Event.objects.values(**bounds).first()
    return earliest(*row.values()) if row else None


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
