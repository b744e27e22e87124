from django.urls import path

from center.core.page_cache import cache_public_view

from . import selectors, views

# Visitors' copies live until a scheduled paper becomes visible, or any content is written.
# Downloads stream the PDF and stay uncached.
cached = cache_public_view(expires=selectors.next_scheduled_release)

app_name = "publications"

urlpatterns = [
    path("", cached(views.whitepaper_list), name="whitepaper_list"),
    path("<slug:slug>/", cached(views.whitepaper_detail), name="whitepaper_detail"),
    path("<slug:slug>/download/", views.whitepaper_download, name="whitepaper_download"),
    path("<slug:slug>/cite.bib", cached(views.whitepaper_citation), {"fmt": "bib"},
         name="whitepaper_bibtex"),
    path("<slug:slug>/cite.ris", cached(views.whitepaper_citation), {"fmt": "ris"},
         name="whitepaper_ris"),
    path("<slug:slug>/cite.json", cached(views.whitepaper_citation), {"fmt": "json"},
         name="whitepaper_csl_json"),
]
