from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from center.publications.identifiers import doi_normalise, isbn_normalise
from center.publications.models import Whitepaper, WhitepaperStatusError
from center.publications.services import whitepaper_publish, whitepaper_unpublish

from .factories import WhitepaperFactory


def test_visitors_see_published_papers_once_their_time_has_come(db):
    live = WhitepaperFactory()
    WhitepaperFactory(draft=True)
    scheduled = WhitepaperFactory(scheduled=True)

    assert list(Whitepaper.objects.published()) == [live]
    assert live.is_visible and not scheduled.is_visible and scheduled.is_published


def test_publishing_sets_the_time_unless_one_is_scheduled_and_is_audited(db, staff_user):
    from django.contrib.admin.models import LogEntry

    draft = WhitepaperFactory(draft=True)
    later = timezone.now() + timedelta(days=2)
    planned = WhitepaperFactory(draft=True, published_at=later)

    whitepaper_publish(whitepaper=draft, user=staff_user)
    whitepaper_publish(whitepaper=planned, user=staff_user)

    assert draft.is_visible and draft.published_at is not None
    assert planned.published_at == later and not planned.is_visible
    assert LogEntry.objects.filter(object_id=str(draft.pk), user=staff_user).exists()


def test_status_changes_refuse_what_the_status_does_not_allow(db):
    paper = WhitepaperFactory()
    with pytest.raises(WhitepaperStatusError):
        whitepaper_publish(whitepaper=paper, user=None)
    whitepaper_unpublish(whitepaper=paper, user=None)
    assert not Whitepaper.objects.published().exists()
    with pytest.raises(WhitepaperStatusError):
        whitepaper_unpublish(whitepaper=paper, user=None)


@pytest.mark.parametrize("field, value", [("doi", "11.1000/x"), ("doi", "10.1000"),
                                          ("isbn", "9783161484101"), ("isbn", "12345")])
def test_bad_identifiers_are_refused(db, field, value):
    paper = WhitepaperFactory.build(**{field: value})
    with pytest.raises(ValidationError) as error:
        paper.full_clean(exclude=["pdf", "cover"])
    assert field in error.value.message_dict


def test_identifiers_are_stored_bare():
    assert doi_normalise(" https://doi.org/10.1000/XYZ123 ") == "10.1000/XYZ123"
    assert doi_normalise("doi:10.1000/xyz") == "10.1000/xyz"
    assert isbn_normalise("978-3-16-148410-0") == "9783161484100"
    assert isbn_normalise("0-306-40615-x") == "030640615X"
