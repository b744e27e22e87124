from django.urls import path

from center.core.page_cache import cache_public_view

from . import selectors, views

# Visitors' copies live until the next event starts or ends, or any content is written.
cached = cache_public_view(expires=selectors.next_schedule_change)

app_name = "events"

# calendar.ics comes before the slug patterns so it can never be read as an event slug.
urlpatterns = [
    path("", cached(views.event_list), name="event_list"),
    path("calendar.ics", cached(views.calendar_ics), name="calendar_ics"),
    path("<slug:slug>/", cached(views.event_detail), name="event_detail"),
    path("<slug:slug>/event.ics", cached(views.event_ics), name="event_ics"),
]
