import pytest

from center.registrations.models import RegistrationSetup
from tests.events.factories import EventFactory
from tests.support.users import UserFactory


def open_event(capacity: int = 50, **setup) -> RegistrationSetup:
    """A published event a month from now, open for registration with `capacity` seats."""
    return RegistrationSetup.objects.create(event=EventFactory(), mode="open",
                                            capacity=capacity, **setup)


@pytest.fixture
def event_manager(db):
    return UserFactory(username="emma", email="emma@center.example", group="Event managers")
