"""schema.org markup for one version of the Code (JSON-LD): the document and its principles."""

from django.conf import settings

from center.core.i18n import translated

from .models import CodeVersion

# Plain English on purpose: these are values for machines, not text for visitors.
STATUS_NAMES = {
    CodeVersion.Status.DRAFT: "Draft",
    CodeVersion.Status.IN_FORCE: "In force",
    CodeVersion.Status.SUPERSEDED: "Superseded",
}


def code_json_ld(version: CodeVersion, *, url: str, language: str, site_url: str,
                 based_on_url: str = "") -> dict:
    """`url` is the page the version is read on; each principle is a part at its anchor.
    Reads sections and principles through .all() so a prefetch (selectors.with_text) is used."""
    principles = [principle for section in version.sections.all()
                  for principle in section.principles.all()]
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "name": translated(version, "title"),
        "version": version.label,
        "url": url,
        "inLanguage": language,
        "creativeWorkStatus": STATUS_NAMES[version.status],
        "abstract": translated(version, "preamble"),
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": site_url},
        "hasPart": [{
            "@type": "CreativeWork",
            "position": principle.number,
            "name": translated(principle, "title"),
            "text": translated(principle, "text"),
            "url": f"{url}#{principle.anchor}",
        } for principle in principles],
    }
    if version.effective_date:
        data["datePublished"] = version.effective_date.isoformat()
    if based_on_url:
        data["isBasedOn"] = based_on_url
    return data
