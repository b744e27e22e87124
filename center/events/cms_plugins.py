from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from center.core.page_cache import known_for_request, once_per_request, seconds_until
from center.core.permissions import can_see_drafts

from . import links, selectors
from .models import Event, EventCard, UpcomingEvents


@plugin_pool.register_plugin
class UpcomingEventsPlugin(CMSPluginBase):
    model = UpcomingEvents
    name = _("Upcoming events")
    module = _("Center")
    render_template = "events/plugins/upcoming_events.html"
    # Cached with the page: a write to an event invalidates it at once
    # (center.core.page_cache), and the copy ends when the next event starts or ends.

    def get_cache_expiration(self, request, instance, placeholder):
        return seconds_until(once_per_request(request, "events", selectors.next_schedule_change))

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["events"] = selectors.upcoming_event_cards(count=instance.number_of_events)
        if context["events"]:
            known_for_request(context.get("request"), "events",
                              context["events"][0].schedule_change)
        context["events_url"] = links.events_page_url()
        return context


@plugin_pool.register_plugin
class EventCardPlugin(CMSPluginBase):
    model = EventCard
    name = _("Event card")
    module = _("Center")
    render_template = "events/plugins/event_card.html"
    autocomplete_fields = ["event"]

    def get_cache_expiration(self, request, instance, placeholder):
        return seconds_until(once_per_request(request, "events", selectors.next_schedule_change))

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        request = context.get("request")
        # Staff who may see the event get a note for a draft, so the card is not an invisible
        # plugin to them; anyone else gets nothing, as visitors do.
        user = getattr(request, "user", None)
        context["event"] = selectors.event_for_card(
            event_id=instance.event_id, can_preview=can_see_drafts(user, Event),
        )
        return context
