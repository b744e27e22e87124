"""schema.org JSON-LD for a person's profile, safe to place inside a <script> element."""

from django.utils.safestring import SafeString

from center.core.links import absolute
from center.core.structured_data import json_ld_script_body

from .links import person_url
from .models import Person
from .orcid import orcid_url


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
    return json_ld_script_body(data)


def people_json_ld(people) -> list[dict]:
    """Short Person items (the name, and the profile's address for a public person) for
    another page's markup: an event's performers, a paper's authors."""
    items = []
    for person in people:
        item = {"@type": "Person", "name": str(person)}
        if url := person_url(person):
            item["url"] = absolute(url)
        items.append(item)
    return items
