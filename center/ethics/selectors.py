from django.conf import settings
from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext as _

from center.core.i18n import with_translations

from .models import CodeVersion, Principle, Section


def _principles() -> QuerySet:
    return with_translations(Principle.objects.order_by("order", "number"))


def with_text(versions: QuerySet) -> QuerySet:
    """Prefetch everything a page shows of a version, so queries do not grow with principles."""
    sections = with_translations(Section.objects.all()).prefetch_related(
        Prefetch("principles", queryset=_principles()))
    return with_translations(versions).prefetch_related(Prefetch("sections", queryset=sections))


def with_principles(versions: QuerySet) -> QuerySet:
    """Versions with their principles in one flat list, as the change view compares them."""
    return with_translations(versions).prefetch_related(
        Prefetch("principles", queryset=_principles()))


def _visible_versions(*, can_preview: bool) -> QuerySet:
    return CodeVersion.objects.all() if can_preview else CodeVersion.objects.published()


def version_in_force() -> CodeVersion | None:
    return with_text(CodeVersion.objects.in_force()).first()


def version_for_visitor(*, label: str, can_preview: bool) -> CodeVersion | None:
    return with_text(_visible_versions(can_preview=can_preview).filter(label=label)).first()


def versions_for_visitor(*, can_preview: bool) -> list[CodeVersion]:
    """Every version a visitor may read (staff: drafts too), newest publication first."""
    return list(_visible_versions(can_preview=can_preview))


def versions_to_compare(*, labels: list[str], can_preview: bool) -> dict[str, CodeVersion]:
    versions = with_principles(_visible_versions(can_preview=can_preview).filter(label__in=labels))
    return {version.label: version for version in versions}


def previous_version(version: CodeVersion, versions: list[CodeVersion]) -> CodeVersion | None:
    """Among `versions` (newest first), the published one a reader compares `version` with:
    the last one published before it (for a draft: the newest published)."""
    return next((other for other in versions if other.is_published and other.pk != version.pk
                 and (version.published_at is None
                      or other.published_at < version.published_at)), None)


def default_comparison(versions: list[CodeVersion]) -> tuple[str, str] | None:
    """(from, to) labels when a visitor has not chosen: the version in force against the one
    before it; without a version in force, the newest against the one before. None with
    fewer than two published versions."""
    published = [version for version in versions if version.is_published]
    newest = next((v for v in published if v.is_in_force), published[0] if published else None)
    older = newest and previous_version(newest, published)
    return (older.label, newest.label) if older else None


def principle_in_reading_order(version: CodeVersion, number: int) -> dict | None:
    """The principle with this number in a version fetched with_text(), its section and its
    neighbours in reading order (section by section), or None. No query of its own."""
    # The section's position too: the Code page's anchors are #section-1, #section-2...
    ordered = [(position, section, principle)
               for position, section in enumerate(version.sections.all(), start=1)
               for principle in section.principles.all()]
    index = next((i for i, row in enumerate(ordered) if row[2].number == number), None)
    if index is None:
        return None
    position, section, principle = ordered[index]
    return {"principle": principle, "section": section, "section_anchor": f"section-{position}",
            "previous": ordered[index - 1][2] if index > 0 else None,
            "next": ordered[index + 1][2] if index + 1 < len(ordered) else None}


def principle_in_other_versions(*, number: int, version: CodeVersion,
                                versions: list[CodeVersion]) -> list[Principle]:
    """The principle with this number in the other versions a visitor may read, newest
    first, each with its version. One query."""
    others = [v for v in versions if v.pk != version.pk]
    if not others:
        return []
    by_version = {p.version_id: p for p in Principle.objects.filter(
        number=number, version__in=others).only("id", "number", "version_id")}
    found = []
    for other in others:  # the version objects already loaded: no query per principle
        if other.pk in by_version:
            by_version[other.pk].version = other
            found.append(by_version[other.pk])
    return found


def principle_for_permalink(number: int) -> Principle | None:
    """The principle with this number in the version in force, else in the newest superseded
    version that had it, so a link to a principle survives later versions."""
    return principle_in_force(number) or (
        Principle.objects.filter(number=number, version__status=CodeVersion.Status.SUPERSEDED)
        .select_related("version").order_by("-version__published_at").first()
    )


def principle_in_force(number: int) -> Principle | None:
    return (Principle.objects.filter(number=number, version__status=CodeVersion.Status.IN_FORCE)
            .select_related("version").prefetch_related("translations").first())


def _missing(obj, name: str, language: str) -> bool:
    # The language's own row, not parler's getter: that falls back to English.
    row = next((t for t in obj.translations.all() if t.language_code == language), None)
    return row is None or not (getattr(row, name) or "").strip()


def translation_gaps(version: CodeVersion) -> list[str]:
    """What one language has and another lacks, as sentences for staff about to publish:
    the Code is meant to say the same in every language, and a visitor reads only one."""
    version = with_text(CodeVersion.objects.filter(pk=version.pk)).get()
    principles = [p for section in version.sections.all() for p in section.principles.all()]
    languages = settings.LANGUAGES
    gaps, counts = [], {}
    for code, language in languages:
        for name, what in (("title", _("the title")), ("preamble", _("the preamble"))):
            # Empty in every language is a choice, not a difference between languages.
            if _missing(version, name, code) and not all(
                    _missing(version, name, other) for other, _name in languages):
                gaps.append(_("%(language)s: %(what)s is empty.")
                            % {"language": language, "what": what})
        incomplete = [p.number for p in principles
                      if _missing(p, "title", code) or _missing(p, "text", code)]
        counts[language] = len(principles) - len(incomplete)
        if incomplete:
            gaps.append(_("%(language)s: principles %(numbers)s have no title or no text.") % {
                "language": language, "numbers": ", ".join(map(str, sorted(incomplete)))})
    if len(set(counts.values())) > 1:
        gaps.insert(0, _("The languages have different numbers of principles: %(counts)s.") % {
            "counts": ", ".join(f"{language} {count}" for language, count in counts.items())})
    return gaps
