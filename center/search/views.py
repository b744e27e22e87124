from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .selectors import search_entries
from .snippets import highlight, snippet
from .text import clean_query, query_terms

PER_PAGE = 10
KIND_LABELS = {
    "page": _("Page"),
    "news": _("News"),
    "event": _("Event"),
    "person": _("Speaker"),
    "whitepaper": _("Whitepaper"),
    "principle": _("Code of Ethics principle"),
    "code": _("Code of Ethics"),
}


def search(request):
    query = clean_query(request.GET.get("q"))
    page = Paginator(search_entries(query=query, language=get_language()), PER_PAGE).get_page(
        request.GET.get("page"))
    terms = query_terms(query)
    results = [{"entry": entry, "kind": KIND_LABELS.get(entry.kind, entry.kind),
                "title": highlight(entry.title, terms), "snippet": snippet(entry.body, terms)}
               for entry in page.object_list]
    return render(request, "search/results.html", {
        "query": query, "page_obj": page, "results": results,
    })
