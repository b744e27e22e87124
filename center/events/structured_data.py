"""schema.org Event markup for search engines (JSON-LD)."""

from django.conf import settings

from center.core.i18n import translated

from .models import Event

SCHEMA = "https://schema.org/"
ATTENDANCE_MODES = {
    Event.Format.IN_PERSON: SCHEMA + "OfflineEventAttendanceMode",
    Event.Format.ONLINE: SCHEMA + "OnlineEventAttendanceMode",
    Event.Format.HYBRID: SCHEMA + "MixedEventAttendanceMode",
}


def event_json_ld(event: Event, *, url: str, performers: list[dict], site_url: str) -> dict:
    zone = event.zone
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": translated(event, "title"),
        "description": translated(event, "summary"),
        "url": url,
        "startDate": event.start.astimezone(zone).isoformat(),
        "endDate": event.end.astimezone(zone).isoformat(),
        "eventAttendanceMode": ATTENDANCE_MODES[event.format],
        "eventStatus": SCHEMA + "EventScheduled",
        "organizer": {"@type": "Organization", "name": settings.SITE_NAME, "url": site_url},
        "performer": performers,
    }
    place = {"@type": "Place", "name": translated(event, "venue_name"),
             "address": translated(event, "venue_address")}
    virtual = {"@type": "VirtualLocation", "url": event.registration_url or url}
    data["location"] = {
        Event.Format.IN_PERSON: place,
        Event.Format.ONLINE: virtual,
        Event.Format.HYBRID: [place, virtual],
    }[event.format]
    return data
