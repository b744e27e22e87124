"""For the event page (templates/events/event_detail.html loads this; events code never
imports registrations): the event's registration, if it takes them here."""

from django import template
from django.utils.translation import gettext as _

from center.events.formatting import format_date, format_time

from .. import selectors
from ..seats import seats_text

register = template.Library()


@register.simple_tag
def registration_for(event) -> dict | None:
    """None when the event has no registration setup (it may link out instead). The page
    is cached up to the content duration (60 s): past the deadline it may say "Register" for
    that long, until its script reads seats.json; the form page itself refuses at once."""
    shown = selectors.setup_for_event_page(event.pk)
    if shown is not None:
        shown["text"] = seats_text(shown["seats_left"], shown["accepting"])
    return shown


@register.filter
def deadline_text(value, event) -> str:
    """The deadline in the event's own time zone, e.g. "2 June 2027, 18:00"."""
    return _("%(date)s, %(time)s") % {"date": format_date(value, event.timezone),
                                      "time": format_time(value, event.timezone)}
