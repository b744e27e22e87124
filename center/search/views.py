from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .selectors import count_by_kind, search_entries
from .snippets import highlight, snippet
from .text import clean_query, query_terms

PER_PAGE = 10
# Fewer results than this in the visitor's language also shows the other language's.
FEW = 3
OTHER_LANGUAGE_RESULTS = 5
KIND_LABELS = {
    "page": pgettext_lazy("kind of search result", "Page"),
    "news": _("News"),
    "event": _("Event"),
    "person": _("Speaker"),
    "whitepaper": _("Whitepaper"),
    "principle": _("Code of Ethics principle"),
    "code": _("Code of Ethics"),
}
# The ?type= filters: value, label, the entry kinds each covers.
TYPE_FILTERS = [
    ("news", _("News"), ["news"]),
    ("events", _("Events"), ["event"]),
    ("speakers", _("Speakers"), ["person"]),
    ("whitepapers", _("Whitepapers"), ["whitepaper"]),
    ("code", _("Code of Ethics"), ["code", "principle"]),
    ("pages", _("Pages"), ["page"]),
]
OTHER_LANGUAGE_HEADINGS = {"en": _("Results in English"), "zh-hans": _("Results in Chinese (中文)")}


def _other_language(language: str) -> str | None:
    return next((code for code, _name in settings.LANGUAGES if code != language), None)


def _results(entries, terms) -> list[dict]:
    return [{"entry": entry, "kind": KIND_LABELS.get(entry.kind, entry.kind),
             "title": highlight(entry.title, terms), "snippet": snippet(entry.body, terms)}
            for entry in entries]


def _filters(counts: dict[str, int], chosen: str) -> list[dict]:
    filters = [{"value": value, "label": label, "count": sum(counts.get(k, 0) for k in kinds)}
               for value, label, kinds in TYPE_FILTERS]
    return [f for f in filters if f["count"] or f["value"] == chosen]


def search(request):
    query = clean_query(request.GET.get("q"))
    language = get_language()
    kinds_of = {value: kinds for value, _label, kinds in TYPE_FILTERS}
    chosen = request.GET.get("type", "")
    chosen = chosen if chosen in kinds_of else ""
    kinds = kinds_of.get(chosen)
    terms = query_terms(query)

    counts = count_by_kind(search_entries(query=query, language=language)) if query else {}
    paginator = Paginator(search_entries(query=query, language=language, kinds=kinds), PER_PAGE)
    # The counts already tell the total: the paginator need not count again.
    paginator.count = sum(n for kind, n in counts.items() if not kinds or kind in kinds)
    page = paginator.get_page(request.GET.get("page"))

    other_language = _other_language(language)
    other_results = []
    if query and other_language and paginator.count < FEW:
        other_results = _results(search_entries(query=query, language=other_language,
                                                kinds=kinds)[:OTHER_LANGUAGE_RESULTS], terms)
    return render(request, "search/results.html", {
        "query": query, "page_obj": page, "results": _results(page.object_list, terms),
        "chosen_type": chosen, "filters": _filters(counts, chosen),
        "all_count": sum(counts.values()),
        "other_language": other_language, "other_results": other_results,
        "other_heading": OTHER_LANGUAGE_HEADINGS.get(other_language, ""),
    })
