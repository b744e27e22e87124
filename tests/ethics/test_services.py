from datetime import date

import pytest
from django.contrib.admin.models import LogEntry
from django.utils import timezone

from center.ethics.models import CodeVersion, CodeVersionStatusError
from center.ethics.services import next_label, version_copy_from_in_force, version_publish

from .factories import CodeVersionFactory, PrincipleFactory, code_version, translate


def _texts(version, language="en"):
    return {p.number: p.safe_translation_getter("text", language_code=language)
            for p in version.principles.all()}


def test_a_new_draft_copies_the_version_in_force_in_every_language(code_1_0, staff_user):
    principle = code_1_0.principles.get(number=3)
    translate(principle, "zh-hans", title="可信", text="人工智能系统应当可靠、安全。")
    translate(code_1_0, "zh-hans", title="伦理准则", preamble="人工智能伦理的共同基础。")

    draft = version_copy_from_in_force(user=staff_user)

    assert draft.label == "1.1" and draft.status == CodeVersion.Status.DRAFT
    assert draft.based_on == code_1_0 and draft.effective_date is None
    assert _texts(draft) == _texts(code_1_0)
    assert _texts(draft, "zh-hans")[3] == "人工智能系统应当可靠、安全。"
    assert (draft.safe_translation_getter("preamble", language_code="zh-hans")
            == "人工智能伦理的共同基础。")
    assert sorted(str(s) for s in draft.sections.all()) == ["Part 1", "Part 2"]
    assert all(p.section.version_id == draft.pk for p in draft.principles.all())
    assert code_1_0.principles.count() == 3  # the original is untouched
    assert LogEntry.objects.get(object_id=str(draft.pk)).user == staff_user


def test_copy_takes_the_next_free_label_or_the_one_given(code_1_0):
    CodeVersionFactory(label="1.1")
    assert version_copy_from_in_force(user=None).label == "1.2"
    assert version_copy_from_in_force(user=None, label="2.0").label == "2.0"


def test_copy_needs_a_version_in_force(db):
    with pytest.raises(CodeVersionStatusError):
        version_copy_from_in_force(user=None)


@pytest.mark.parametrize(("label", "taken", "expected"), [
    ("1.0", set(), "1.1"), ("1.0", {"1.1"}, "1.2"), ("2", set(), "2.1"), ("1.9", set(), "1.10"),
])
def test_next_label(label, taken, expected):
    assert next_label(label, taken=taken) == expected


def test_publishing_puts_the_draft_in_force_and_supersedes_the_old(code_1_0, staff_user):
    draft = version_copy_from_in_force(user=None)

    version_publish(version=draft, user=staff_user)

    code_1_0.refresh_from_db()
    draft.refresh_from_db()
    assert draft.status == CodeVersion.Status.IN_FORCE and draft.published_at
    assert draft.effective_date == timezone.localdate()  # none was set: today
    assert code_1_0.status == CodeVersion.Status.SUPERSEDED and code_1_0.superseded_at
    assert list(CodeVersion.objects.in_force()) == [draft]
    history = LogEntry.objects.get(object_id=str(code_1_0.pk))
    assert "Superseded by version 1.1" in history.change_message


def test_publishing_keeps_a_chosen_effective_date(code_1_0):
    draft = version_copy_from_in_force(user=None)
    draft.effective_date = date(2030, 1, 1)
    draft.save()
    version_publish(version=draft, user=None)
    assert CodeVersion.objects.get(pk=draft.pk).effective_date == date(2030, 1, 1)


def test_the_first_version_needs_no_predecessor(db):
    version = code_version("1.0", {1: "People first."}, publish=False)
    version_publish(version=version, user=None)
    assert version.status == CodeVersion.Status.IN_FORCE


def test_only_a_draft_with_principles_can_be_published(code_1_0):
    with pytest.raises(CodeVersionStatusError):
        version_publish(version=code_1_0, user=None)
    empty = CodeVersionFactory(label="2.0")
    with pytest.raises(CodeVersionStatusError, match="no principles"):
        version_publish(version=empty, user=None)
    assert list(CodeVersion.objects.in_force()) == [code_1_0]


def test_a_failure_while_publishing_leaves_the_old_version_in_force(code_1_0, staff_user,
                                                                    monkeypatch):
    draft = version_copy_from_in_force(user=None)

    # The audit entry is written last, after both versions were saved: make it fail.
    def broken_log(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(LogEntry.objects, "log_actions", broken_log)
    with pytest.raises(RuntimeError):
        version_publish(version=draft, user=staff_user)

    assert list(CodeVersion.objects.in_force()) == [code_1_0]
    assert CodeVersion.objects.get(pk=draft.pk).status == CodeVersion.Status.DRAFT


def test_a_stale_draft_instance_cannot_be_published_twice(code_1_0):
    draft = version_copy_from_in_force(user=None)
    stale = CodeVersion.objects.get(pk=draft.pk)
    version_publish(version=draft, user=None)
    with pytest.raises(CodeVersionStatusError):
        version_publish(version=stale, user=None)
    assert list(CodeVersion.objects.in_force()) == [draft]


def test_principle_numbers_survive_a_new_version(code_1_0):
    draft = version_copy_from_in_force(user=None)
    PrincipleFactory(section=draft.sections.first(), number=4, text="New.")
    version_publish(version=draft, user=None)
    assert sorted(_texts(draft)) == [1, 2, 3, 4]
