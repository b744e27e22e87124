"""Capacity holds under concurrency: 200 people registering at the same moment for 50
seats, each in its own thread and database connection against PostgreSQL, give exactly 50
confirmed seats and 150 places on the waitlist in arrival order, and each person is told
the status that was stored for them."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from center.registrations import services
from center.registrations.models import Notice, Registration

from .conftest import open_event

PEOPLE = 200
SEATS = 50
THREADS = 40  # connections: PostgreSQL's default limit is 100, shared with the other tests


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_hundred_at_once_for_fifty_seats_never_overbook():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite serialises every write anyway")
    setup = open_event(capacity=SEATS)
    # Each round, every thread registers one person at the same moment.
    start = threading.Barrier(THREADS)

    def register_batch(batch: int) -> list[tuple[int, str]]:
        told = []
        try:
            for person in range(batch, PEOPLE, THREADS):
                start.wait()
                registration, created = services.registration_create(
                    event_id=setup.event_id, name=f"Guest {person}",
                    email=f"guest{person}@example.org", language="en")
                assert created
                told.append((registration.pk, registration.status))
        finally:
            connections.close_all()
        return told

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        told = [pair for batch in pool.map(register_batch, range(THREADS)) for pair in batch]

    stored = dict(Registration.objects.values_list("pk", "status"))
    assert len(told) == PEOPLE and dict(told) == stored  # everyone was told the truth
    statuses = list(stored.values())
    assert statuses.count("confirmed") == SEATS and statuses.count("waitlisted") == PEOPLE - SEATS
    # The seats went to the first 50 to arrive, the waitlist follows arrival order.
    confirmed = sorted(pk for pk, status in stored.items() if status == "confirmed")
    waitlisted = sorted(pk for pk, status in stored.items() if status == "waitlisted")
    assert max(confirmed) < min(waitlisted)
    # And each was emailed once, with the matching news.
    kinds = list(Notice.objects.values_list("kind", flat=True))
    assert kinds.count("confirmation") == SEATS and kinds.count("waitlisted") == PEOPLE - SEATS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_same_address_twice_at_once_holds_one_seat():
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's")
    setup = open_event(capacity=2)
    start = threading.Barrier(8)

    def register(_):
        try:
            start.wait()
            return services.registration_create(
                event_id=setup.event_id, name="Ada", email="Ada@Example.org", language="en")[1]
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        created = list(pool.map(register, range(8)))
    assert created.count(True) == 1
    assert Registration.objects.filter(status="confirmed").count() == 1
