from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from menus.utils import set_language_changer

from center.core.http import no_store
from center.core.links import absolute
from center.core.permissions import can_see_drafts
from center.core.structured_data import json_ld_script_body

from . import selectors
from .diff import compare_versions
from .links import code_url, principle_url
from .models import CodeVersion
from .structured_data import code_json_ld

# Longest unknown ?from/?to value echoed back in a message; the rest is cut off.
ECHO_LIMIT = 20


def _fallback_language(version: CodeVersion) -> str:
    languages = sorted(t.language_code for t in version.translations.all())
    if not languages or translation.get_language() in languages:
        return ""
    return "en" if "en" in languages else languages[0]


def _can_preview(request) -> bool:
    return can_see_drafts(request.user, CodeVersion)


def _render_version(request, version: CodeVersion, *, is_code_page: bool):
    language = translation.get_language()
    can_preview = _can_preview(request)
    versions = selectors.versions_for_visitor(can_preview=can_preview)
    previous = selectors.previous_version(version, versions)
    url = absolute(code_url() if is_code_page else version.get_absolute_url())
    based_on_url = absolute(previous.get_absolute_url()) if previous else ""
    json_ld = code_json_ld(version, url=url, language=language, based_on_url=based_on_url,
                           site_url=absolute("/"))
    response = render(request, "ethics/codeversion_detail.html", {
        "version": version,
        "is_code_page": is_code_page,
        "version_url": version.get_absolute_url(),
        "versions": versions,
        "previous": previous,
        "drafts": [v for v in versions if v.is_draft] if is_code_page else [],
        "content_language": _fallback_language(version),
        "json_ld": json_ld_script_body(json_ld),
    })
    if not version.is_published or (is_code_page and can_preview):
        no_store(response)  # a staff preview must never land in a shared cache
    return response


def code_detail(request):
    version = selectors.version_in_force()
    if version is None:
        can_preview = _can_preview(request)
        response = render(request, "ethics/code_unpublished.html", {
            "versions": selectors.versions_for_visitor(can_preview=can_preview),
        })
        return no_store(response) if can_preview else response
    return _render_version(request, version, is_code_page=True)


def version_detail(request, label):
    version = selectors.version_for_visitor(label=label, can_preview=_can_preview(request))
    if version is None:
        raise Http404("No such version of the Code")
    set_language_changer(request, version.get_absolute_url)
    return _render_version(request, version, is_code_page=False)


def principle_permalink(request, number):
    principle = selectors.principle_for_permalink(number)
    if principle is None:
        raise Http404("No published version has a principle with this number")
    version = principle.version
    page = code_url() if version.is_in_force else version.get_absolute_url()
    # 302, not 301: where a principle lives changes as new versions come into force.
    return HttpResponseRedirect(f"{page}#{principle.anchor}")


def principle_detail(request, label, number):
    number = int(number)  # the apphook's URLs hand the number over as text
    can_preview = _can_preview(request)
    version = selectors.version_for_visitor(label=label, can_preview=can_preview)
    found = version and selectors.principle_in_reading_order(version, number)
    if not found:
        raise Http404("No such principle in this version of the Code")
    versions = selectors.versions_for_visitor(can_preview=can_preview)
    set_language_changer(request, lambda language: principle_url(version, number, language))
    response = render(request, "ethics/principle_detail.html", {
        **found,
        "version": version,
        "version_url": version.get_absolute_url(),
        # The version in force is read on the Code page itself.
        "code_page_url": code_url() if version.is_in_force else version.get_absolute_url(),
        "other_versions": selectors.principle_in_other_versions(
            number=number, version=version, versions=versions),
        "content_language": _fallback_language(version),
    })
    if not version.is_published:
        no_store(response)  # a staff preview must never land in a shared cache
    return response


def _chosen(raw: str, available: dict) -> tuple[str | None, str]:
    """(label, unknown value to mention) for one of the ?from= / ?to= parameters."""
    raw = raw.strip()
    if raw in available or not raw:
        return (raw or None), ""
    shown = "".join(char for char in raw if char.isprintable())[:ECHO_LIMIT]
    return None, shown or "…"


def version_changes(request):
    can_preview = _can_preview(request)
    versions = selectors.versions_for_visitor(can_preview=can_preview)
    by_label = {version.label: version for version in versions}
    old_label, unknown_from = _chosen(request.GET.get("from", ""), by_label)
    new_label, unknown_to = _chosen(request.GET.get("to", ""), by_label)
    default = selectors.default_comparison(versions)
    # A side the visitor did not choose (or chose badly) gets a sensible default: the newest
    # version as "to", the version before "to" as "from".
    if new_label is None and default:
        new_label = default[1]
    if old_label is None and new_label:
        previous = selectors.previous_version(by_label[new_label], versions)
        old_label = previous.label if previous else None
    comparison = None
    if old_label and new_label:
        pair = selectors.versions_to_compare(labels=[old_label, new_label],
                                             can_preview=can_preview)
        comparison = compare_versions(pair[old_label], pair[new_label],
                                      language=translation.get_language())
    query = request.GET.urlencode()
    set_language_changer(request, lambda language: _changes_url(language, query))
    response = render(request, "ethics/codeversion_changes.html", {
        "versions": versions,
        "comparison": comparison,
        "old_label": old_label,
        "new_label": new_label,
        "unknown": [value for value in (unknown_from, unknown_to) if value],
    })
    if comparison and not (comparison.old.is_published and comparison.new.is_published):
        no_store(response)
    return response


def _changes_url(language: str, query: str) -> str:
    with translation.override(language):
        url = reverse("ethics:changes")
    return f"{url}?{query}" if query else url
