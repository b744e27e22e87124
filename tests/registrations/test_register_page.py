"""Registering from the event's form page, as a visitor: each told the truth (confirmed,
waitlisted with their place, already registered, closed), abuse turned away (honeypot,
rate limits, guessed invitation codes), and the cached event page's seat count."""

import re
import time
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from center.registrations.forms import started_token
from center.registrations.models import Registration
from center.registrations.register_views import SEATS_MAX_AGE

from .conftest import open_event

pytestmark = pytest.mark.usefixtures("demo_pages")


def _with(setup, **fields):
    for field, value in fields.items():
        setattr(setup, field, value)
    setup.save()
    return setup


def _invitation_event():
    return _with(open_event(capacity=5), mode="invitation", invitation_code="K7Q2-MX94-TR8D")


def _form(**changes):
    data = {"name": "Ada Lovelace", "email": "ada@example.org", "affiliation": "Analytical",
            "access_needs": "", "consent": "on", "website": "",
            "started": started_token(time.time() - 60)}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def _register(client, setup, language="en", **changes):
    return client.post(f"/{language}/registrations/{setup.event.slug}/", _form(**changes))


def _text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def test_open_event_confirms_the_seat_and_redirects_to_the_truth():
    setup = open_event(capacity=2)
    client = Client()
    response = _register(client, setup)
    assert response.status_code == 302  # POST → redirect → GET
    page = client.get(response["Location"])
    assert "Your seat is confirmed" in _text(page)
    registration = Registration.objects.get()
    assert (registration.status, registration.language) == ("confirmed", "en")
    assert registration.consented_at is not None


def test_full_event_waitlists_with_the_place_in_line():
    setup = open_event(capacity=1)
    client = Client()
    _register(client, setup, email="first@example.org")
    second = client.get(_register(client, setup, email="second@example.org")["Location"])
    third = client.get(_register(client, setup, email="third@example.org")["Location"])
    assert "The event is full: you are number 1 on the waitlist" in _text(second)
    assert "The event is full: you are number 2 on the waitlist" in _text(third)
    assert Registration.objects.filter(status="waitlisted").count() == 2


def test_same_email_again_is_told_already_registered_and_takes_no_second_seat():
    setup = open_event(capacity=5)
    client = Client()
    _register(client, setup)
    page = client.get(_register(client, setup, email="ADA@example.org")["Location"])
    assert "You are already registered" in _text(page)
    assert "status: Confirmed" in _text(page)
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("setup_kwargs", [{"mode": "closed"}, {"deadline": "past"}])
def test_closed_or_past_deadline_says_so_and_takes_nobody(setup_kwargs):
    if setup_kwargs.get("deadline") == "past":
        setup_kwargs = {"deadline": timezone.now() - timedelta(hours=1)}
    setup = _with(open_event(capacity=5), **setup_kwargs)
    client = Client()
    assert "Registration for this event is closed." in _text(
        client.get(f"/en/registrations/{setup.event.slug}/"))
    response = _register(client, setup)
    assert response.status_code == 200
    assert "Registration for this event is closed." in _text(response)
    assert not Registration.objects.exists()


def test_invitation_code_wrong_refused_right_accepted():
    setup = _invitation_event()
    client = Client()
    wrong = _register(client, setup, invitation_code="AAAA-BBBB-CCCC")
    assert wrong.status_code == 200
    assert "This invitation code is not valid for this event." in _text(wrong)
    assert "error-summary" in _text(wrong)
    assert not Registration.objects.exists()
    right = _register(client, setup, invitation_code="k7q2-mx94-tr8d")
    assert right.status_code == 302
    assert Registration.objects.get().status == "confirmed"


def test_guessing_invitation_codes_is_stopped_even_for_the_right_one(settings):
    setup = _invitation_event()
    client = Client()
    for guess in range(settings.REGISTRATIONS_WRONG_CODES_PER_IP):
        assert _register(client, setup, invitation_code=f"GUESS-{guess}").status_code == 200
    response = _register(client, setup, invitation_code="K7Q2-MX94-TR8D")
    assert response.status_code == 429
    assert "Too many wrong invitation codes" in _text(response)
    assert not Registration.objects.exists()


def test_guesses_from_many_addresses_are_limited_per_event(settings):
    settings.REGISTRATIONS_WRONG_CODES_PER_EVENT = 3
    setup = _invitation_event()
    for n in range(3):
        _register(Client(REMOTE_ADDR=f"203.0.113.{n}"), setup, invitation_code=f"GUESS-{n}")
    response = _register(Client(REMOTE_ADDR="203.0.113.99"), setup,
                         invitation_code="K7Q2-MX94-TR8D")
    assert response.status_code == 429


def test_too_many_registrations_from_one_address_are_refused(settings):
    settings.REGISTRATIONS_RATE_LIMIT_PER_IP = 2
    setup = open_event(capacity=50)
    client = Client()
    for n in range(2):
        assert _register(client, setup, email=f"p{n}@example.org").status_code == 302
    response = _register(client, setup, email="p9@example.org")
    assert response.status_code == 429
    assert Registration.objects.count() == 2


def test_honeypot_is_refused_quietly():
    setup = open_event(capacity=5)
    response = _register(Client(), setup, website="http://spam.example")
    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_too_quick_a_form_is_shown_again_to_check():
    setup = open_event(capacity=5)
    response = _register(Client(), setup, started=started_token())
    assert "Please check your answers and submit again." in _text(response)
    assert not Registration.objects.exists()


def test_consent_missing_is_an_error_in_the_page():
    setup = open_event(capacity=5)
    response = _register(Client(), setup, consent=None)
    text = _text(response)
    assert response.status_code == 200
    assert 'class="error-summary"' in text
    assert "Please agree to the privacy notice to register." in text
    assert not Registration.objects.exists()


def test_form_asks_only_what_the_setup_asks_and_links_the_privacy_notice():
    setup = open_event(capacity=5, ask_affiliation=False, ask_access_needs=False)
    text = _text(Client().get(f"/en/registrations/{setup.event.slug}/"))
    assert 'name="name"' in text and 'name="email"' in text
    assert 'name="affiliation"' not in text and 'name="access_needs"' not in text
    assert 'name="invitation_code"' not in text
    assert 'href="/en/privacy/"' in text


def test_chinese_page_in_chinese_and_registrant_language_is_chinese():
    setup = open_event(capacity=5)
    client = Client()
    form = _text(client.get(f"/zh-hans/registrations/{setup.event.slug}/"))
    assert "报名" in form and "隐私声明" in form
    result = client.get(_register(client, setup, language="zh-hans")["Location"])
    assert "您的座位已确认" in _text(result)
    assert Registration.objects.get().language == "zh-hans"


@pytest.mark.parametrize("language, heading, step", [
    ("en", "What happens next", "The day before"),
    ("zh-hans", "后续流程", "活动前一天"),
])
def test_the_form_says_what_happens_next_beside_it(language, heading, step):
    setup = open_event(capacity=5)
    page = Client().get(f"/{language}/registrations/{setup.event.slug}/").content.decode()
    aside = page[page.index('<aside class="trial-aside"'):page.index("</aside>")]
    assert heading in aside and step in aside
    assert page.index("</form>") < page.index('<aside class="trial-aside"')  # after it on phones


def test_event_page_shows_seats_and_stays_cached_while_seats_json_follows():
    setup = open_event(capacity=3)
    visitor = Client()
    event_url = setup.event.get_absolute_url()
    seats_url = f"/en/registrations/{setup.event.slug}/seats.json"
    page = visitor.get(event_url)
    assert "3 seats left" in _text(page)
    assert f'href="/en/registrations/{setup.event.slug}/"' in _text(page)
    assert visitor.get(seats_url).json()["text"] == "3 seats left"

    _register(Client(), setup)
    # The cached page is not dropped by a registration (no site-wide invalidation)...
    assert "3 seats left" in _text(visitor.get(event_url))
    # ...and seats.json, public for a few seconds, catches up within that time.
    seats = visitor.get(seats_url)
    assert seats["Cache-Control"] == f"public, max-age={SEATS_MAX_AGE}"
    time.sleep(SEATS_MAX_AGE + 0.2)
    assert visitor.get(seats_url).json() == {"seats_left": 2, "accepting": True,
                                             "text": "2 seats left"}


def test_full_and_closed_event_pages():
    full = open_event(capacity=1)
    _register(Client(), full)
    assert "Full: join the waitlist" in _text(Client().get(full.event.get_absolute_url()))
    closed = _with(open_event(capacity=5), mode="closed")
    text = _text(Client().get(closed.event.get_absolute_url()))
    assert "Registration closed" in text
    assert f'href="/en/registrations/{closed.event.slug}/"' not in text


def test_event_without_setup_still_links_out_to_its_registration_url():
    from tests.events.factories import EventFactory

    event = EventFactory(registration_url="https://tickets.example.org/spring")
    text = _text(Client().get(event.get_absolute_url()))
    assert 'href="https://tickets.example.org/spring"' in text
    assert "/en/registrations/" not in text
    assert Client().get(f"/en/registrations/{event.slug}/").status_code == 404
