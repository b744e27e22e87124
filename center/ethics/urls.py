from django.urls import path

from center.core.page_cache import cache_public_view

from . import views

app_name = "ethics"

urlpatterns = [
    path("", cache_public_view(views.code_detail), name="code"),
    path("v/<str:label>/", cache_public_view(views.version_detail), name="version_detail"),
    path("v/<str:label>/principles/<int:number>/", cache_public_view(views.principle_detail),
         name="principle_detail"),
    path("changes/", cache_public_view(views.version_changes), name="changes"),
    path("principles/<int:number>/", cache_public_view(views.principle_permalink),
         name="principle_permalink"),
]
