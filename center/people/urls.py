from django.urls import path

from center.core.page_cache import cache_public_view

from . import views

app_name = "people"

urlpatterns = [
    path("", cache_public_view(views.person_list), name="person_list"),
    path("<slug:slug>/", cache_public_view(views.person_detail), name="person_detail"),
]
