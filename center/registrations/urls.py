from django.urls import path

from . import register_views, views

app_name = "registrations"

urlpatterns = [
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("accept/<str:token>/", views.accept, name="accept"),
    path("checkin/<str:token>/", views.checkin_code, name="checkin_code"),
    # Per event, by its slug: after the fixed paths above.
    path("<slug:slug>/", register_views.register, name="register"),
    path("<slug:slug>/registered/", register_views.registered, name="registered"),
    path("<slug:slug>/seats.json", register_views.seats, name="seats"),
]
