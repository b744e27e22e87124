from django.urls import path

from . import views

app_name = "ethics"

urlpatterns = [
    path("", views.code_detail, name="code"),
    path("v/<str:label>/", views.version_detail, name="version_detail"),
    path("changes/", views.version_changes, name="changes"),
    path("principles/<int:number>/", views.principle_permalink, name="principle_permalink"),
]
