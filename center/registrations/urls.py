from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("cancel/<str:token>/", views.cancel, name="cancel"),
    path("accept/<str:token>/", views.accept, name="accept"),
    path("checkin/<str:token>/", views.checkin_code, name="checkin_code"),
]
