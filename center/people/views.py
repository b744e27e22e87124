from functools import partial

from cms.utils.i18n import get_language_object
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from menus.utils import set_language_changer

from center.core.links import absolute

from .links import person_url
from .orcid import orcid_url
from .selectors import (
    in_display_language,
    organisations_with_public_people,
    person_display_language,
    public_people,
)
from .structured_data import person_json_ld

PEOPLE_PER_PAGE = 24


def person_list(request):
    language = translation.get_language()
    organisations = list(organisations_with_public_people())
    affiliation = request.GET.get("affiliation", "")
    if affiliation not in {organisation.slug for organisation in organisations}:
        affiliation = ""  # an unknown or stale link shows everyone rather than an error
    paginator = Paginator(public_people(affiliation_slug=affiliation or None), PEOPLE_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except (PageNotAnInteger, EmptyPage):
        page = paginator.page(1)
    return render(request, "people/person_list.html", {
        "people": in_display_language(page.object_list, language),
        "page_obj": page,
        "organisations": organisations,
        "affiliation": affiliation,
    })


def person_detail(request, slug):
    person = get_object_or_404(public_people(), slug=slug)
    language = translation.get_language()
    display_language = person_display_language(person, language)
    person.set_current_language(display_language)
    # The header's language switcher and base.html's hreflang alternates then link to this
    # person in each language, not to the speakers list.
    set_language_changer(request, partial(person_url, person))
    url = absolute(person_url(person, language))
    return render(request, "people/person_detail.html", {
        "person": person,
        "display_language": display_language,
        "is_translated": display_language == language,
        "language_name": get_language_object(language)["name"],
        "orcid_url": orcid_url(person.orcid),
        "json_ld": person_json_ld(person, url=url,
                                  build_absolute_uri=absolute),
    })
