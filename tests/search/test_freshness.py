import pytest

from center.search.models import SearchEntry
from tests.events.factories import EventFactory


@pytest.mark.usefixtures("demo_pages")
def test_publishing_an_event_updates_the_index_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory(title="Freshly published forum")
    assert SearchEntry.objects.filter(kind="event", title="Freshly published forum").exists()

    with django_capture_on_commit_callbacks(execute=True):
        event.status = event.Status.DRAFT
        event.save()
    assert not SearchEntry.objects.filter(kind="event", title="Freshly published forum").exists()


@pytest.mark.usefixtures("demo_pages")
def test_many_saves_in_one_transaction_refresh_each_kind_once(django_capture_on_commit_callbacks,
                                                              django_assert_max_num_queries):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        for n in range(5):
            EventFactory(title=f"Batch {n}")
    for callback in callbacks:
        callback()
    assert SearchEntry.objects.filter(kind="event", language="en").count() == 5


@pytest.mark.usefixtures("demo_pages")
def test_the_reindex_command_rebuilds_every_kind():
    from io import StringIO

    from django.core.management import call_command

    EventFactory(title="Only in the database so far")
    out = StringIO()
    call_command("search_reindex", stdout=out)
    assert "event: 1 entries" in out.getvalue() and "page: 24 entries" in out.getvalue()
    assert SearchEntry.objects.filter(title="Only in the database so far").exists()
