from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from center.ethics.models import CodeVersion, CodeVersionStatusError

from .factories import CodeVersionFactory, PrincipleFactory, SectionFactory


def test_the_database_refuses_a_second_version_in_force(code_1_0):
    other = CodeVersionFactory(label="2.0")

    with pytest.raises(IntegrityError), transaction.atomic():
        CodeVersion.objects.filter(pk=other.pk).update(status=CodeVersion.Status.IN_FORCE)

    assert list(CodeVersion.objects.in_force()) == [code_1_0]


def test_many_drafts_and_superseded_versions_may_coexist(db):
    CodeVersionFactory(label="1.0", status=CodeVersion.Status.SUPERSEDED)
    CodeVersionFactory(label="1.1", status=CodeVersion.Status.SUPERSEDED)
    CodeVersionFactory(label="2.0")
    CodeVersionFactory(label="2.1")
    assert CodeVersion.objects.count() == 4


def test_a_principle_number_is_used_once_per_version(db):
    section = SectionFactory()
    PrincipleFactory(section=section, number=4)
    with pytest.raises(IntegrityError), transaction.atomic():
        PrincipleFactory(section=section, number=4)
    PrincipleFactory(section=SectionFactory(), number=4)  # another version: fine


def test_versions_only_move_forward(code_1_0):
    with pytest.raises(CodeVersionStatusError):
        code_1_0.put_in_force()
    code_1_0.supersede()
    with pytest.raises(CodeVersionStatusError):
        code_1_0.supersede()
    assert code_1_0.status == CodeVersion.Status.SUPERSEDED


def test_labels_are_numbers_with_dots(db):
    for label in ("1.0", "2", "10.2.1"):
        CodeVersionFactory.build(label=label).full_clean()
    for label in ("v1", "1..0", "../1", "1.0/"):
        with pytest.raises(ValidationError):
            CodeVersionFactory.build(label=label).full_clean()


def test_a_principle_must_sit_in_a_section_of_its_own_version(db):
    principle = PrincipleFactory.build(section=SectionFactory(), version=CodeVersionFactory())
    with pytest.raises(ValidationError, match="same version"):
        principle.clean()


def test_models_and_migrations_agree(db):
    out = StringIO()
    call_command("makemigrations", "ethics", check=True, dry_run=True, stdout=out)
    assert "No changes detected" in out.getvalue()
