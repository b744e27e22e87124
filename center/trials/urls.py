from django.urls import path

from . import views

app_name = "trials"

urlpatterns = [
    path("", views.application_form, name="apply"),
    path("thanks/", views.application_thanks, name="thanks"),
    path("status/<str:token>/", views.application_status, name="status"),
]
