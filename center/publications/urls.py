from django.urls import path

from . import views

app_name = "publications"

urlpatterns = [
    path("", views.whitepaper_list, name="whitepaper_list"),
    path("<slug:slug>/", views.whitepaper_detail, name="whitepaper_detail"),
    path("<slug:slug>/download/", views.whitepaper_download, name="whitepaper_download"),
    path("<slug:slug>/cite.bib", views.whitepaper_citation, {"fmt": "bib"},
         name="whitepaper_bibtex"),
    path("<slug:slug>/cite.ris", views.whitepaper_citation, {"fmt": "ris"},
         name="whitepaper_ris"),
    path("<slug:slug>/cite.json", views.whitepaper_citation, {"fmt": "json"},
         name="whitepaper_csl_json"),
]
