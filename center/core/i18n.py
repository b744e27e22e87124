"""Translated fields (django-parler) shown in the visitor's language, else in any language
they exist in: an untranslated item still shows its text, with a note, rather than nothing."""

from django.conf import settings


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
