from django.urls import path

from . import views

app_name = "events"

# calendar.ics comes before the slug patterns so it can never be read as an event slug.
urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("calendar.ics", views.calendar_ics, name="calendar_ics"),
    path("<slug:slug>/", views.event_detail, name="event_detail"),
    path("<slug:slug>/event.ics", views.event_ics, name="event_ics"),
]
