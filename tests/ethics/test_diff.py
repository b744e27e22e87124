import pytest

from center.ethics.diff import (
    ADDED,
    DELETE,
    EQUAL,
    INSERT,
    REMOVED,
    REWORDED,
    UNCHANGED,
    compare_versions,
    tokens,
    word_diff,
)
from center.ethics.selectors import versions_to_compare
from center.ethics.services import version_copy_from_in_force

from .factories import code_version, translate


@pytest.mark.parametrize("text", [
    "AI systems are reliable, secure and controllable.\n\nSecond paragraph.",
    "人工智能系统应当可靠、安全、可控；AI for a better tomorrow。",
    "",
])
def test_tokens_join_back_into_the_text(text):
    assert "".join(tokens(text)) == text


def test_chinese_is_split_into_words_not_the_whole_sentence():
    assert tokens("人工智能系统应当可靠") == ["人工智能", "系统", "应当", "可靠"]


def test_word_diff_marks_whole_words():
    assert word_diff("The quick brown fox.", "The quick red fox.") == [
        (EQUAL, "The quick "), (DELETE, "brown"), (INSERT, "red"), (EQUAL, " fox.")]


def test_a_lone_word_between_two_changes_joins_them():
    chunks = word_diff("reliable and secure, and their", "reliable, secure and controllable; their")
    assert chunks == [(EQUAL, "reliable"), (DELETE, " and secure, and"),
                      (INSERT, ", secure and controllable;"), (EQUAL, " their")]


def test_identical_texts_have_only_equal_chunks():
    assert word_diff("Same text.", "Same text.") == [(EQUAL, "Same text.")]


def test_versions_are_compared_by_principle_number_in_the_readers_language(db):
    old = code_version("1.0", {1: "One.", 2: "Two.", 3: "Three."})
    new = code_version("1.1", {1: "One.", 3: "Three, reworded.", 4: "Four."}, publish=False)
    translate(old.principles.get(number=1), "zh-hans", text="一。")
    translate(new.principles.get(number=1), "zh-hans", text="一，改写。")
    pair = versions_to_compare(labels=["1.0", "1.1"], can_preview=True)

    english = compare_versions(pair["1.0"], pair["1.1"], language="en")
    chinese = compare_versions(pair["1.0"], pair["1.1"], language="zh-hans")

    assert [(c.number, c.kind) for c in english.changes] == [
        (1, UNCHANGED), (2, REMOVED), (3, REWORDED), (4, ADDED)]
    assert english.counts == {ADDED: 1, REMOVED: 1, REWORDED: 1, UNCHANGED: 1}
    assert [label for label, _chunks in english.changes[2].field_diffs] == ["Text"]
    assert chinese.changes[0].kind == REWORDED  # only the Chinese text of 1 changed
    assert english.has_changes and not english.preamble


def test_line_endings_and_spaces_at_line_ends_are_no_change(code_1_0):
    translate(code_1_0, "en", preamble="First paragraph.\n\nSecond one.")
    draft = version_copy_from_in_force(user=None)
    translate(draft, "en", preamble="First paragraph.  \r\n\r\nSecond one.\r\n")

    comparison = compare_versions(code_1_0, draft, language="en")

    assert comparison.preamble == [] and not comparison.has_changes
