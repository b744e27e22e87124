"""schema.org JSON-LD for a person's profile, safe to place inside a <script> element."""

import json

from django.utils.safestring import SafeString, mark_safe

from .models import Person
from .orcid import orcid_url

# The same escapes as django.utils.html.json_script: text from editors can never close
# the <script> element or open an HTML comment.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld_dumps(data: dict) -> SafeString:
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES))


def person_json_ld(person: Person, *, url: str, build_absolute_uri) -> SafeString:
    data = {"@context": "https://schema.org", "@type": "Person", "name": person.name, "url": url}
    if person.honorific:
        data["honorificPrefix"] = person.honorific
    positions = list(person.positions.all())
    titles = [t for t in (p.safe_translation_getter("title", any_language=True) for p in positions)
              if t]
    if titles:
        data["jobTitle"] = titles if len(titles) > 1 else titles[0]
    organisations = {p.organisation_id: p.organisation for p in positions}.values()
    if organisations:
        data["affiliation"] = [{"@type": "Organization", "name": str(o)} for o in organisations]
    same_as = [link for link in (person.homepage, orcid_url(person.orcid)) if link]
    if same_as:
        data["sameAs"] = same_as
    jpegs = person.portrait_renditions.get("jpeg") or []
    if jpegs:
        data["image"] = build_absolute_uri(jpegs[-1]["url"])
    return json_ld_dumps(data)
