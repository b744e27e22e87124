"""How many seats an event has left, in words: the same text on the (cached) event page and
in the seats.json the page's script polls."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def seats_text(seats_left: int, accepting: bool) -> str:
    if not accepting:
        return _("Registration closed")
    if seats_left <= 0:
        return _("Full: join the waitlist")
    return ngettext("%(count)s seat left", "%(count)s seats left", seats_left) % {
        "count": seats_left}
