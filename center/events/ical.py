"""iCalendar (RFC 5545) files for one event or the whole upcoming programme."""

from datetime import UTC

import icalendar
from django.contrib.sites.models import Site

from center.core.i18n import translated
from center.core.links import absolute

from .models import Event

PRODID = "-//Center for Computational Law and AI Ethics Research//Events//EN"


def new_calendar(*, name: str | None = None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    if name:
        calendar.add("x-wr-calname", name)
    return calendar


def event_uid(event: Event, *, domain: str) -> str:
    # The primary key never changes, unlike the slug, so calendars update the same entry.
    return f"event-{event.pk}@{domain}"


def vevent(event: Event, *, url: str, domain: str) -> icalendar.Event:
    item = icalendar.Event()
    item.add("uid", event_uid(event, domain=domain))
    # Without METHOD, DTSTAMP is when the entry last changed in our store (RFC 5545 3.8.7.2).
    item.add("dtstamp", event.updated_at.astimezone(UTC))
    item.add("dtstart", event.start.astimezone(UTC))
    item.add("dtend", event.end.astimezone(UTC))
    item.add("summary", translated(event, "title"))
    location = ", ".join(filter(None, [translated(event, "venue_name"),
                                       translated(event, "venue_address")]))
    if location:
        item.add("location", location)
    item.add("url", url)
    description = "\n\n".join(filter(None, [translated(event, "summary"), url]))
    item.add("description", description)
    return item


def event_calendar(event: Event) -> icalendar.Calendar:
    """One event's calendar: the event page's .ics and the registration emails' attachment."""
    calendar = new_calendar()
    calendar.add_component(vevent(event, url=absolute(event.get_absolute_url()),
                                  domain=Site.objects.get_current().domain))
    return calendar
