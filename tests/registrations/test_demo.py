"""Demo content: the 2027 public lecture is open for registration with 4 of its 60 seats
left, taken by varied demo registrants (English and Chinese names, example.org addresses);
the 2022 inauguration stays by invitation only; loading twice changes nothing; outside demo
mode no demo personal data is loaded."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from center.events import demo as events_demo
from center.events.models import Event
from center.registrations import demo, selectors
from center.registrations.models import Notice, Registration, RegistrationSetup
from center.site.demo.contents import app_demo_modules

pytestmark = pytest.mark.django_db

LECTURE = "public-lecture-accountable-ai-2027"
INAUGURATION = "inauguration-ceremony-2022"
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def demo_loaded():
    events_demo.load_demo_content()
    return demo.load_demo_content()


def test_the_lecture_is_open_with_four_seats_left(demo_loaded):
    setup = RegistrationSetup.objects.get(event__slug=LECTURE)

    assert setup.mode == "open" and setup.capacity == 60
    assert setup.deadline == datetime(2027, 4, 21, 18, 0, tzinfo=SHANGHAI)
    assert setup.deadline.date() < setup.event.start.astimezone(SHANGHAI).date()
    assert setup.is_accepting(datetime(2027, 4, 1, tzinfo=SHANGHAI))
    assert selectors.seats_left(setup) == 4
    assert selectors.counts_by_status(setup.event_id)["cancelled"] == 2


def test_the_registrants_look_real_and_nobody_is_emailed(demo_loaded):
    registrations = Registration.objects.filter(event__slug=LECTURE)

    assert registrations.count() == 58
    assert all(r.email.endswith("@example.org") for r in registrations)
    assert registrations.values("email").distinct().count() == 58
    assert {r.language for r in registrations} == {"en", "zh-hans"}
    assert any("\u4e00" <= r.name[0] <= "\u9fff" for r in registrations)  # Chinese names
    assert registrations.exclude(affiliation="").count() >= 10
    assert registrations.exclude(access_needs="").count() >= 3
    # Arrival order is the primary key: the registration times follow it.
    times = [r.created_at for r in registrations.order_by("pk")]
    assert times == sorted(times)
    # Demo addresses are never written to: no outbox rows.
    assert not Notice.objects.exists()


def test_the_inauguration_stays_by_invitation(demo_loaded):
    inauguration = Event.objects.get(slug=INAUGURATION)

    assert not RegistrationSetup.objects.filter(event=inauguration).exists()
    assert inauguration.by_invitation


def test_loading_twice_changes_nothing(demo_loaded):
    before = (list(RegistrationSetup.objects.values()),
              list(Registration.objects.values().order_by("pk")))

    second = demo.load_demo_content()

    assert "registrations" in demo_loaded and "nothing to do" in second
    assert (list(RegistrationSetup.objects.values()),
            list(Registration.objects.values().order_by("pk"))) == before


def test_outside_demo_mode_no_demo_registrants(settings):
    settings.DEMO_MODE = False
    events_demo.load_demo_content()

    demo.load_demo_content()

    assert RegistrationSetup.objects.filter(event__slug=LECTURE).exists()
    assert not Registration.objects.exists()


def test_without_the_demo_lecture_nothing_is_created():
    assert "nothing to do" in demo.load_demo_content()
    assert not RegistrationSetup.objects.exists()


def test_load_demo_runs_the_events_first():
    names = [module.__name__ for module in app_demo_modules()]
    assert names.index("center.registrations.demo") > names.index("center.events.demo")
