from datetime import datetime

from django.contrib.admin.models import ADDITION
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext

from center.core.audit import audit_log

from .models import CodeVersion, CodeVersionStatusError, Principle, Section


def next_label(label: str, *, taken: set[str]) -> str:
    """The next free label after `label`: "1.0" -> "1.1" (or "1.2" when 1.1 exists)."""
    parts = [int(part) for part in label.split(".")]
    if len(parts) == 1:
        parts.append(0)
    while True:
        parts[-1] += 1
        candidate = ".".join(str(part) for part in parts)
        if candidate not in taken:
            return candidate


def _copy_translations(source, target, fields: list[str]) -> None:
    # parler keeps every language set here and saves them all with the object.
    for translation in source.translations.all():
        target.set_current_language(translation.language_code)
        for name in fields:
            setattr(target, name, getattr(translation, name))


@transaction.atomic
def version_copy_from_in_force(*, user: AbstractBaseUser | None,
                               label: str = "") -> CodeVersion:
    """A new draft with the text of the version in force: its preamble, sections and
    principles (same numbers, so permalinks and the change view line up). Raises
    CodeVersionStatusError when no version is in force yet."""
    source = (CodeVersion.objects.in_force()
              .prefetch_related("translations", "sections__translations",
                                "principles__translations").first())
    if source is None:
        raise CodeVersionStatusError(gettext("No version is in force to copy from."))
    taken = set(CodeVersion.objects.values_list("label", flat=True))
    draft = CodeVersion(label=label or next_label(source.label, taken=taken), based_on=source)
    _copy_translations(source, draft, ["title", "preamble"])
    draft.full_clean()
    draft.save()
    new_sections = {}
    for section in source.sections.all():
        copy = Section(version=draft, order=section.order)
        _copy_translations(section, copy, ["title"])
        copy.save()
        new_sections[section.pk] = copy
    for principle in source.principles.all():
        copy = Principle(version=draft, section=new_sections[principle.section_id],
                         number=principle.number, order=principle.order)
        _copy_translations(principle, copy, ["title", "text", "commentary"])
        copy.save()
    audit_log(obj=draft, user=user, action_flag=ADDITION,
              message=f"Drafted as a copy of version {source.label}.")
    return draft


def _put_in_force(*, version: CodeVersion, now: datetime) -> tuple[CodeVersion, CodeVersion | None]:
    # Lock the draft and the version in force: of two editors publishing at once, the second
    # waits, then finds the situation changed instead of half-applying its own change.
    rows = list(CodeVersion.objects.select_for_update().order_by("pk")
                .filter(Q(pk=version.pk) | Q(status=CodeVersion.Status.IN_FORCE)))
    draft = next(row for row in rows if row.pk == version.pk)
    previous = next((row for row in rows if row.is_in_force and row.pk != draft.pk), None)
    if not draft.is_draft:
        raise CodeVersionStatusError(gettext("it is not a draft."))
    if not draft.principles.exists():
        raise CodeVersionStatusError(gettext("it has no principles."))
    draft.put_in_force(now=now)
    if previous is not None:
        # First: the database allows only one version in force at any moment.
        previous.supersede(now=now)
        previous.save(update_fields=["status", "superseded_at", "updated_at"])
    draft.save(update_fields=["status", "published_at", "effective_date", "updated_at"])
    return draft, previous


def version_publish(*, version: CodeVersion, user: AbstractBaseUser | None,
                    now: datetime | None = None) -> CodeVersion:
    """Put a draft in force and supersede the version that was, in one transaction.
    Raises CodeVersionStatusError for a version that is not a publishable draft."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            draft, previous = _put_in_force(version=version, now=now)
            audit_log(obj=draft, user=user, message="Published: now in force.")
            if previous is not None:
                audit_log(obj=previous, user=user,
                          message=f"Superseded by version {draft.label}.")
    except IntegrityError as error:  # another version went into force meanwhile
        raise CodeVersionStatusError(
            gettext("another version was published at the same time.")) from error
    for name in ("status", "published_at", "effective_date", "updated_at"):
        setattr(version, name, getattr(draft, name))
    return version
