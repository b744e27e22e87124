"""Event dates and times, shown in the event's own time zone with the zone named, so a
visitor abroad is never left guessing whose 09:00 it is."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import dateformat, translation
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _

# Long names for the zones the Center actually uses. zoneinfo only knows abbreviations
# ("CST" is ambiguous), so other zones fall back to their IANA name.
ZONE_NAMES = {
    "Asia/Shanghai": _("China Standard Time"),
    "Asia/Hong_Kong": _("Hong Kong Time"),
    "Asia/Taipei": _("Taipei Time"),
    "Asia/Singapore": _("Singapore Time"),
    "Asia/Tokyo": _("Japan Standard Time"),
    "UTC": _("Coordinated Universal Time"),
    "Etc/UTC": _("Coordinated Universal Time"),
}

# Per language: how date and times join, the zone note, and the punctuation around names
# (Chinese uses full-width marks and the 、 list comma). The date and time themselves are
# the language's named formats (center/formats), so an event reads like every other date.
PATTERNS = {
    "en": {"same_day": "{date}, {start}–{end}",
           "days": "{date}, {start} – {end_date}, {end}", "zone": "{when} ({zone}, {offset})",
           "names": ", ", "note": ", {note}", "role": " ({role})"},
    "zh-hans": {"same_day": "{date} {start}–{end}",
                "days": "{date} {start} 至 {end_date} {end}", "zone": "{when}（{zone}，{offset}）",
                "names": "、", "note": "，{note}", "role": "（{role}）"},
}


def _patterns() -> dict:
    return PATTERNS.get(translation.get_language() or "en", PATTERNS["en"])


def utc_offset_label(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "−"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


def zone_label(zone_key: str, at: datetime) -> tuple[str, str]:
    local = at.astimezone(ZoneInfo(zone_key))
    name = str(ZONE_NAMES.get(zone_key, zone_key.replace("_", " ")))
    return name, utc_offset_label(local.utcoffset())


def format_date(value: datetime, zone_key: str) -> str:
    return dateformat.format(value.astimezone(ZoneInfo(zone_key)), get_format("DATE_FORMAT"))


def format_time(value: datetime, zone_key: str) -> str:
    return dateformat.format(value.astimezone(ZoneInfo(zone_key)), get_format("TIME_FORMAT"))


def format_when(start: datetime, end: datetime, zone_key: str) -> str:
    """E.g. "26 March 2022, 09:00–12:00 (China Standard Time, UTC+8)"."""
    patterns = _patterns()
    zone = ZoneInfo(zone_key)
    date, end_date = format_date(start, zone_key), format_date(end, zone_key)
    parts = {"date": date, "start": format_time(start, zone_key),
             "end": format_time(end, zone_key), "end_date": end_date}
    same_day = start.astimezone(zone).date() == end.astimezone(zone).date()
    when = patterns["same_day" if same_day else "days"].format(**parts)
    name, offset = zone_label(zone_key, start)
    return patterns["zone"].format(when=when, zone=name, offset=offset)


def join_names(people) -> str:
    return _patterns()["names"].join(str(person) for person in people)


def speaker_part(role_label: str, note: str) -> str:
    """What follows a name in an agenda: " (Chair), on behalf of SenseTime"."""
    patterns = _patterns()
    text = patterns["role"].format(role=role_label) if role_label else ""
    return text + (patterns["note"].format(note=note) if note else "")
