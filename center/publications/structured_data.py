"""schema.org Report markup for search engines (JSON-LD)."""

from .citations import Citation

SCHEMA_LANGUAGES = {"en": "en", "zh-hans": "zh-Hans"}


def whitepaper_json_ld(c: Citation, *, authors: list[dict], pdf_size: int | None,
                       pdf_sha256: str, image_url: str) -> dict:
    publisher = {"@type": "Organization", "name": c.issuer} if c.issuer else None
    data = {
        "@context": "https://schema.org",
        "@type": "Report",
        "name": c.full_title,
        "url": c.url,
        "datePublished": f"{c.year}-{c.month:02d}",
        "inLanguage": SCHEMA_LANGUAGES.get(c.language, c.language),
        "author": authors or ([publisher] if publisher else []),
        "publisher": publisher,
        "abstract": c.abstract,
        "keywords": c.keywords,
        "version": c.version,
        "isbn": c.isbn,
        "image": image_url,
    }
    if c.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": c.doi}
    if c.pdf_url:
        data["encoding"] = {"@type": "MediaObject", "contentUrl": c.pdf_url,
                            "encodingFormat": "application/pdf", "sha256": pdf_sha256,
                            "contentSize": f"{pdf_size} B" if pdf_size else ""}
        data["encoding"] = {k: v for k, v in data["encoding"].items() if v}
    return {k: v for k, v in data.items() if v}
