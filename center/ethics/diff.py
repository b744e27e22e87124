"""What changed between two versions of the Code, principle by principle, with word-level
differences a reader can follow: removed words struck through, added words underlined."""

import logging
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

import jieba
from django.utils.translation import gettext_lazy as _

from .models import CodeVersion, Principle, tidy_text

jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary on every start

ADDED, REMOVED, REWORDED, UNCHANGED = "added", "removed", "reworded", "unchanged"
KIND_LABELS = {ADDED: _("Added"), REMOVED: _("Removed"), REWORDED: _("Reworded"),
               UNCHANGED: _("Unchanged")}
TEXT_FIELDS = {"title": _("Title"), "text": _("Text"), "commentary": _("Commentary")}
EQUAL, DELETE, INSERT = "equal", "delete", "insert"

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_WORDS = re.compile(r"\s+|\w+|[^\w\s]")

Chunk = tuple[str, str]  # (EQUAL | DELETE | INSERT, text)


def tokens(text: str) -> list[str]:
    """Words, spaces and punctuation, which join back into the text. Chinese has no spaces
    between words, so jieba finds them (it keeps Latin words whole)."""
    if _CJK.search(text):
        return jieba.lcut(text)
    return _WORDS.findall(text)


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    # A lone space or word kept between two changes reads as noise ("<del>a</del> and
    # <del>b</del><ins>c</ins>"): fold it into one larger change instead.
    merged = []
    opcodes = SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for index, (op, i1, i2, j1, j2) in enumerate(opcodes):
        trivial = (op == "equal" and 0 < index < len(opcodes) - 1
                   and sum(1 for token in a[i1:i2] if token.strip()) <= 1)
        if (op != "equal" or trivial) and merged and merged[-1][0] == "replace":
            merged[-1] = ("replace", merged[-1][1], i2, merged[-1][3], j2)
        else:
            merged.append(("equal" if op == "equal" else "replace", i1, i2, j1, j2))
    return merged


def word_diff(old: str, new: str) -> list[Chunk]:
    a, b = tokens(old), tokens(new)
    chunks = []
    for op, i1, i2, j1, j2 in _opcodes(a, b):
        if op == "equal":
            chunks.append((EQUAL, "".join(a[i1:i2])))
            continue
        if i2 > i1:
            chunks.append((DELETE, "".join(a[i1:i2])))
        if j2 > j1:
            chunks.append((INSERT, "".join(b[j1:j2])))
    return chunks


def _text(obj, name: str, language: str) -> str:
    # Tidied: a line ending or a space at a line's end is no change a reader can see.
    return tidy_text(obj.safe_translation_getter(name, language_code=language,
                                                 any_language=True) or "")


@dataclass
class PrincipleChange:
    number: int
    kind: str
    old: Principle | None
    new: Principle | None
    # Word-level differences per field; empty for a field that did not change.
    diffs: dict[str, list[Chunk]] = field(default_factory=dict)

    @property
    def principle(self) -> Principle:
        return self.new or self.old

    @property
    def label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def field_diffs(self) -> list[tuple[str, list[Chunk]]]:
        """(field name as shown, differences) in reading order, changed fields only."""
        return [(label, self.diffs[name]) for name, label in TEXT_FIELDS.items()
                if name in self.diffs]


@dataclass
class Comparison:
    old: CodeVersion
    new: CodeVersion
    preamble: list[Chunk]
    changes: list[PrincipleChange]

    @property
    def is_same_version(self) -> bool:
        return self.old.pk == self.new.pk

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(KIND_LABELS, 0)
        for change in self.changes:
            counts[change.kind] += 1
        return counts

    @property
    def has_changes(self) -> bool:
        return bool(self.preamble) or any(c.kind != UNCHANGED for c in self.changes)



def _compare_principles(old: Principle | None, new: Principle | None,
                        language: str) -> PrincipleChange:
    number = (new or old).number
    if old is None:
        return PrincipleChange(number, ADDED, None, new)
    if new is None:
        return PrincipleChange(number, REMOVED, old, None)
    diffs = {}
    for name in TEXT_FIELDS:
        before, after = _text(old, name, language), _text(new, name, language)
        if before != after:
            diffs[name] = word_diff(before, after)
    return PrincipleChange(number, REWORDED if diffs else UNCHANGED, old, new, diffs)


def compare_versions(old: CodeVersion, new: CodeVersion, *, language: str) -> Comparison:
    """Principles are matched by number, which the Code keeps stable across versions. Reads
    `principles.all()` and translations, so a prefetch (selectors.with_principles) is used."""
    before = {p.number: p for p in old.principles.all()}
    after = {p.number: p for p in new.principles.all()}
    changes = [_compare_principles(before.get(number), after.get(number), language)
               for number in sorted(before.keys() | after.keys())]
    old_preamble, new_preamble = _text(old, "preamble", language), _text(new, "preamble", language)
    preamble = word_diff(old_preamble, new_preamble) if old_preamble != new_preamble else []
    return Comparison(old=old, new=new, preamble=preamble, changes=changes)
