from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from menus.utils import set_language_changer

from center.core.filters import choice_or_none
from center.core.http import no_store
from center.core.links import absolute
from center.core.permissions import can_see_drafts
from center.core.sendfile import signed_redirect, x_accel_response
from center.core.structured_data import json_ld_script_body
from center.people.structured_data import people_json_ld

from . import citations, selectors, services
from .identifiers import doi_url
from .models import Whitepaper
from .structured_data import whitepaper_json_ld

PER_PAGE = 12
CITATION_FORMATS = {
    "bib": (citations.bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (citations.ris, "application/x-research-info-systems; charset=utf-8"),
    "json": (citations.csl_json, "application/vnd.citationstyles.csl+json; charset=utf-8"),
}


def _page(paginator: Paginator, raw: str | None):
    try:
        return paginator.page(raw or 1)
    except (PageNotAnInteger, EmptyPage):
        return paginator.page(1)  # a stale or mistyped page number starts again at the top


def whitepaper_list(request):
    topics = selectors.topics_in_use()
    counts = selectors.publication_year_counts()
    years = list(counts)
    topic = request.GET.get("topic", "")
    if topic not in {t.slug for t in topics}:
        topic = ""  # an unknown topic shows every paper rather than an error
    year = choice_or_none(request.GET.get("year"), years)
    paginator = Paginator(selectors.visible_whitepapers(topic=topic or None, year=year), PER_PAGE)
    if not topic:
        paginator.count = counts[year] if year else sum(counts.values())  # no COUNT query
    page = _page(paginator, request.GET.get("page"))
    return render(request, "publications/whitepaper_list.html", {
        "whitepapers": page.object_list,
        "page_obj": page,
        "topics": topics,
        "years": years,
        "selected_topic": topic,
        "selected_year": year,
    })


def _visible_whitepaper(request, slug):
    paper = selectors.whitepaper_for_visitor(
        slug=slug, can_preview=can_see_drafts(request.user, Whitepaper))
    if paper is None:
        raise Http404("No such whitepaper")
    return paper


def _no_store_unless_visible(response, paper):
    # A staff preview must never land in a shared cache.
    return response if paper.is_visible else no_store(response)


def _citation(request, paper) -> citations.Citation:
    download = reverse("publications:whitepaper_download", kwargs={"slug": paper.slug})
    return citations.citation_for(
        paper, url=absolute(paper.get_absolute_url()),
        pdf_url=absolute(download),
    )


def whitepaper_detail(request, slug):
    paper = _visible_whitepaper(request, slug)
    set_language_changer(request, paper.get_absolute_url)
    authors = paper.ordered_authors()
    citation = _citation(request, paper)
    jpegs = paper.cover_renditions.get("jpeg") or []
    json_ld = whitepaper_json_ld(
        citation, authors=people_json_ld(authors), pdf_size=paper.pdf_size,
        pdf_sha256=paper.pdf_sha256,
        image_url=absolute(jpegs[-1]["url"]) if jpegs else "",
    )
    response = render(request, "publications/whitepaper_detail.html", {
        "whitepaper": paper,
        "authors": authors,
        "topics": paper.topics.all(),
        "other_whitepapers": selectors.other_whitepapers(whitepaper=paper, count=3),
        # Set only when the visitor's language is missing: marks the text's real language.
        "content_language": paper.fallback_language(get_language()),
        "doi_url": doi_url(paper.doi),
        "citation": citation,
        "reference": citations.reference(citation),
        "bibtex": citations.bibtex(citation),
        "ris": citations.ris(citation),
        "csl_json": citations.csl_json(citation),
        "scholar_meta": citations.scholar_meta(citation),
        "json_ld": json_ld_script_body(json_ld),
    })
    return _no_store_unless_visible(response, paper)


def _file_name(paper, extension: str) -> str:
    return f"{slugify(paper.slug) or 'whitepaper'}.{extension}"  # ASCII: safe in any header


@require_safe
def whitepaper_download(request, slug):
    paper = _visible_whitepaper(request, slug)
    if not paper.pdf_id:
        raise Http404("This whitepaper has no PDF yet")
    try:
        stream = services.whitepaper_pdf_open(whitepaper=paper)
    except FileNotFoundError:
        raise Http404("The PDF is missing from storage") from None
    except services.PdfWithheld:
        # Never the changed bytes: the page promised a SHA-256 they no longer have.
        response = render(request, "publications/pdf_withheld.html", {"whitepaper": paper},
                          status=503)
        response["Retry-After"] = "3600"
        return no_store(response)
    # Checked above, then sent by nginx when it is in front or by the S3 store through a
    # short-lived signed URL (no Python worker held), else streamed from storage in chunks;
    # the file is never read into memory whole.
    response = (x_accel_response(stream, content_type="application/pdf",
                                 filename=_file_name(paper, "pdf"))
                or signed_redirect(stream, content_type="application/pdf",
                                   filename=_file_name(paper, "pdf")))
    if response is None:
        response = FileResponse(stream, as_attachment=True, filename=_file_name(paper, "pdf"),
                                content_type="application/pdf")
    else:
        stream.close()
    response["X-Content-Type-Options"] = "nosniff"
    if paper.is_visible and request.method == "GET":  # not staff previews, not HEAD probes
        services.whitepaper_download_record(whitepaper=paper)
    return _no_store_unless_visible(response, paper)


@require_safe
def whitepaper_citation(request, slug, fmt):
    paper = _visible_whitepaper(request, slug)
    render_citation, content_type = CITATION_FORMATS[fmt]
    response = HttpResponse(render_citation(_citation(request, paper)), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_file_name(paper, fmt)}"'
    return _no_store_unless_visible(response, paper)
