"""Translated fields (django-parler) shown in the visitor's language, else in any language
they exist in: an untranslated item still shows its text, with a note, rather than nothing."""

from django.conf import settings
from django.db.models import FilteredRelation, Q, QuerySet
from django.db.models.query import ModelIterable

TRANSLATIONS = "translations"  # parler's related name on every translated model here


def translated(obj, field: str) -> str:
    if obj is None:
        return ""
    return obj.safe_translation_getter(field, any_language=True) or ""


def set_translations(obj, texts: dict[str, dict[str, str]]) -> None:
    """texts: {"en": {"title": …}, "zh-hans": {…}}. parler keeps every language set here and
    saves them all with the object (demo content is written this way)."""
    for language, _name in settings.LANGUAGES:
        obj.set_current_language(language)
        for name, value in texts.get(language, {}).items():
            setattr(obj, name, value)


def with_translations(queryset: QuerySet, *paths: str, own: bool = True) -> QuerySet:
    """The rows' translations in every language, read in the same query (one LEFT JOIN per
    language) instead of a prefetch query per translated model. `paths` name translated
    models the rows reach by select_related (e.g. "person"); theirs are read as well
    (`own=False`: only theirs, for rows of a model that is not translated itself).
    parler then finds them as if prefetched: it asks the database nothing more."""
    languages = [code for code, _name in settings.LANGUAGES]
    joins = []
    for path in ("", *paths) if own else paths:
        relation = f"{path}__{TRANSLATIONS}" if path else TRANSLATIONS
        aliases = ["_".join(filter(None, ("_tr", path.replace("__", "_"), code.replace("-", "_"))))
                   for code in languages]
        for code, alias in zip(languages, aliases, strict=True):
            queryset = queryset.annotate(**{alias: FilteredRelation(
                relation, condition=Q(**{f"{relation}__language_code": code}))})
        queryset = queryset.select_related(*aliases, *([path] if path else []))
        joins.append((path, aliases))

    class TranslatedRows(ModelIterable):
        def __iter__(self):
            for row in super().__iter__():
                for path, aliases in joins:
                    _as_prefetched(row, path, aliases)
                yield row

    queryset._iterable_class = TranslatedRows
    return queryset


def _as_prefetched(row, path: str, aliases: list[str]) -> None:
    target = row
    for name in filter(None, path.split("__")):
        target = getattr(target, name)
        if target is None:
            return
    found = [translation for translation in (getattr(row, alias, None) for alias in aliases)
             if translation is not None]
    for translation in found:
        translation.master = target
    translations = getattr(target, TRANSLATIONS).get_queryset()
    translations._result_cache, translations._prefetch_done = found, True
    target.__dict__.setdefault("_prefetched_objects_cache", {})[TRANSLATIONS] = translations
