from django import template

from center.core.i18n import translated
from center.people.links import person_url

from .. import links, selectors
from ..formatting import format_date, format_time, format_when, join_names, speaker_part
from ..models import SessionSpeaker

register = template.Library()


@register.simple_tag
def person_events(person):
    """{% person_events person as items %}: the person's published events, newest first,
    each with `person_sessions` (that person's parts only)."""
    return selectors.events_for_person(person)


register.filter("tr", translated)
register.filter("person_url", person_url)


@register.filter
def event_date(event) -> str:
    return format_date(event.start, event.timezone)


@register.filter
def event_when(event) -> str:
    return format_when(event.start, event.end, event.timezone)


@register.filter
def event_time(value, event) -> str:
    """A session's time of day in its event's time zone."""
    return format_time(value, event.timezone) if value else ""


@register.filter
def event_url(event) -> str:
    return links.event_url(event)


@register.filter
def names(people) -> str:
    return join_names(people)


@register.filter
def part_details(part) -> str:
    """A speaker's role (unless plain speaker) and note, punctuated for the language."""
    role = part.get_role_display() if part.role != SessionSpeaker.Role.SPEAKER else ""
    return speaker_part(role, translated(part, "note"))
