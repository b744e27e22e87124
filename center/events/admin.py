from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from parler.admin import TranslatableAdmin, TranslatableStackedInline, TranslatableTabularInline

from center.core.admin import KeepOldAddressesAdmin, run_transition

from .models import Event, EventStatusError, Session, SessionSpeaker
from .services import event_publish, event_unpublish


class SessionInline(TranslatableStackedInline):
    model = Session
    extra = 0
    fields = ["order", "kind", "start", "title", "description"]
    show_change_link = True  # speakers are edited on the session's own page


class SessionSpeakerInline(TranslatableTabularInline):
    model = SessionSpeaker
    extra = 1
    fields = ["order", "person", "role", "note"]
    # raw_id rather than autocomplete: it does not depend on how the people admin is set up.
    raw_id_fields = ["person"]


@admin.register(Event)
class EventAdmin(KeepOldAddressesAdmin, TranslatableAdmin):
    # Slug changes keep the old address: shared links and calendar entries point at it.
    list_display = ["__str__", "start", "format", "status", "published_at"]
    list_filter = ["status", "format", "by_invitation"]
    search_fields = ["slug", "translations__title", "translations__venue_name"]
    date_hierarchy = "start"
    readonly_fields = ["status", "published_at"]
    inlines = [SessionInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (_("Time"), {"fields": ["start", "end", "timezone"]}),
        (_("Place and attendance"), {"fields": ["format", "venue_name", "venue_address",
                                                "map_url", "registration_url",
                                                "by_invitation"]}),
        (_("Publication"), {"fields": ["status", "published_at"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        # parler: a translated source field must be declared here, not as a class attribute.
        return {"slug": ("title",)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.action(description=_("Publish the selected events"), permissions=["change"])
    def publish(self, request, queryset):
        run_transition(self, request, queryset, service=event_publish,
                       refused=EventStatusError, object_name="event",
                       done_message=lambda n: ngettext(
                           "%(count)d event published.", "%(count)d events published.", n
                       ) % {"count": n})

    @admin.action(description=_("Return the selected events to draft"), permissions=["change"])
    def unpublish(self, request, queryset):
        run_transition(self, request, queryset, service=event_unpublish,
                       refused=EventStatusError, object_name="event",
                       done_message=lambda n: ngettext(
                           "%(count)d event returned to draft.",
                           "%(count)d events returned to draft.", n) % {"count": n})


@admin.register(Session)
class SessionAdmin(TranslatableAdmin):
    list_display = ["__str__", "event", "order", "kind"]
    list_filter = ["kind"]
    list_select_related = ["event"]
    search_fields = ["translations__title", "event__translations__title"]
    raw_id_fields = ["event"]
    inlines = [SessionSpeakerInline]
