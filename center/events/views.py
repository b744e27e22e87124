from django.conf import settings
from django.contrib.sites.models import Site
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language, gettext
from menus.utils import set_language_changer

from center.core.filters import choice_or_none
from center.core.http import no_store
from center.core.links import absolute
from center.core.permissions import can_see_drafts
from center.core.structured_data import json_ld_script_body
from center.people.structured_data import people_json_ld

from . import ical, selectors
from .models import Event
from .structured_data import event_json_ld

PAST_PER_PAGE = 10
ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"


def event_list(request):
    counts = selectors.past_event_counts()
    years = list(counts)
    year = choice_or_none(request.GET.get("year"), years)
    paginator = Paginator(selectors.past_events(year=year), PAST_PER_PAGE)
    paginator.count = counts[year] if year else sum(counts.values())  # known: no COUNT query
    past_page = paginator.get_page(request.GET.get("page"))
    upcoming = list(selectors.upcoming_events_without_agendas())
    selectors.with_agendas([*upcoming, *past_page.object_list])
    return render(request, "events/event_list.html", {
        "upcoming_events": upcoming,
        "past_page": past_page,
        "years": years,
        "selected_year": year,
    })


def _visible_event(request, slug):
    event = selectors.event_for_visitor(slug=slug,
                                        can_preview=can_see_drafts(request.user, Event))
    if event is None:
        raise Http404("No such event")
    return event


def _fallback_language(event) -> str:
    languages = sorted(t.language_code for t in event.translations.all())
    if not languages or get_language() in languages:
        return ""
    return "en" if "en" in languages else languages[0]


def event_detail(request, slug):
    event = _visible_event(request, slug)
    set_language_changer(request, event.get_absolute_url)
    url = absolute(event.get_absolute_url())
    shown_language = _fallback_language(event)
    json_ld = event_json_ld(event, url=url, performers=people_json_ld(event.speakers()),
                            site_url=absolute("/"))
    response = render(request, "events/event_detail.html", {
        "event": event,
        "sessions": event.sessions.all(),
        "other_events": selectors.other_upcoming_events(event=event, count=3),
        # Set only when the visitor's language is missing: marks the text's real language.
        "content_language": shown_language,
        "json_ld": json_ld_script_body(json_ld),
    })
    if not event.is_published:
        no_store(response)  # a staff preview must never land in a shared cache
    return response


def _ics_response(calendar, *, filename: str | None = None) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=ICS_CONTENT_TYPE)
    if filename:
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def event_ics(request, slug):
    event = _visible_event(request, slug)
    return _ics_response(ical.event_calendar(event), filename=f"{event.slug}.ics")


def calendar_ics(request):
    domain = Site.objects.get_current().domain
    name = f"{gettext(settings.SITE_NAME)} · {gettext('Events')}"
    calendar = ical.new_calendar(name=name)
    for event in selectors.upcoming_events():
        calendar.add_component(ical.vevent(
            event, url=absolute(event.get_absolute_url()), domain=domain,
        ))
    return _ics_response(calendar)
