"""The form's signed start token: short-lived and single-use, so one token cannot file
application after application; a person who is quick (autofill) is asked to check once,
never refused; and an empty submit shows only what is missing."""

import re
import time

import pytest
from django.test import Client

from center.trials.models import TrialApplication
from center.trials.tokens import started_token
from tests.core.test_cache_down import dead_cache  # noqa: F401 - a fixture used below

from .conftest import APPLY
from .factories import form_data

pytestmark = pytest.mark.usefixtures("trial_page", "offer")

EXPIRED = "This form has expired. Please check your answers and submit again."
CHECK = "Please check your answers and submit again."
REFUSALS = ("automatic program", "quicker than a person", "could not be accepted")


def _token_in(html: str) -> str:
    return re.search(r'name="started" value="([^"]+)"', html).group(1)


def _page_token(client) -> str:
    return _token_in(client.get(APPLY).content.decode())


def test_a_used_token_sent_again_files_nothing_and_the_form_comes_back_kept(client):
    data = form_data()
    assert client.post(APPLY, data).status_code == 302

    # The same token with other details (a replay, not the same person's repeat).
    replay = client.post(APPLY, {**data, "email": "mallory@example.org"})
    html = replay.content.decode()

    assert replay.status_code == 200 and EXPIRED in html
    assert TrialApplication.objects.count() == 1
    assert 'value="mallory@example.org"' in html  # what was typed is kept
    fresh = _token_in(html)
    assert fresh != data["started"]
    # The fresh token keeps the time the form was first shown: it is accepted at once.
    again = client.post(APPLY, {**data, "email": "mallory@example.org", "started": fresh})
    assert again.status_code == 302 and TrialApplication.objects.count() == 2


def test_a_second_click_on_submit_shows_the_same_thank_you_page(client):
    data = form_data()
    first = client.post(APPLY, data)
    second = client.post(APPLY, data)  # the same form sent again before the page changed

    assert first.status_code == second.status_code == 302
    assert second["Location"] == first["Location"]
    assert TrialApplication.objects.count() == 1
    thanks = client.get(second["Location"]).content.decode()
    assert TrialApplication.objects.get().reference in thanks and EXPIRED not in thanks


def test_an_expired_form_is_shown_again_with_the_answers_kept(client, settings):
    settings.TRIALS_FORM_MAX_AGE_SECONDS = 2 * 3600
    old = started_token(time.time() - 2 * 3600 - 60)

    response = client.post(APPLY, form_data(started=old, name="Grace Hopper"))
    html = response.content.decode()

    assert response.status_code == 200 and EXPIRED in html
    assert 'value="Grace Hopper"' in html and TrialApplication.objects.count() == 0
    zh = client.post("/zh-hans/apply-for-trial/", form_data(started=old)).content.decode()
    assert "此表单已过期" in zh
    # Still within the limit, the same kind of token is fine.
    fine = started_token(time.time() - 2 * 3600 + 60)
    assert client.post(APPLY, form_data(started=fine)).status_code == 302


def test_a_person_with_autofill_is_never_refused(client, settings):
    settings.TRIALS_MIN_FILL_SECONDS = 1.0
    # 1.5 s from showing the form to submitting it: accepted straight away.
    quick = form_data(started=started_token(time.time() - 1.5))
    assert client.post(APPLY, quick).status_code == 302

    # Quicker than the minimum (a wide one here, so a slow test machine is still quick):
    # shown once more to check, with everything kept.
    settings.TRIALS_MIN_FILL_SECONDS = 2.0
    shown_at = time.time()
    first = client.post(APPLY, form_data(email="fast@example.org",
                                         started=started_token(shown_at)))
    html = first.content.decode()
    assert first.status_code == 200 and CHECK in html
    assert not any(refusal in html for refusal in REFUSALS)
    assert 'value="fast@example.org"' in html and TrialApplication.objects.count() == 1
    # The person reads the message and presses Submit again.
    time.sleep(max(0.0, shown_at + 2.1 - time.time()))
    second = client.post(APPLY, form_data(email="fast@example.org", started=_token_in(html)))
    assert second.status_code == 302 and TrialApplication.objects.count() == 2


def test_a_script_that_posts_again_at_once_is_still_too_quick(client, settings):
    settings.TRIALS_MIN_FILL_SECONDS = 30  # wide: the three posts take far less
    token = _page_token(client)
    for _attempt in range(3):
        response = client.post(APPLY, form_data(started=token))
        assert response.status_code == 200 and CHECK in response.content.decode()
        token = _token_in(response.content.decode())  # the re-shown page's token
    assert TrialApplication.objects.count() == 0


def test_an_empty_submit_shows_only_the_missing_fields(client):
    token = _page_token(client)  # submitted at once, as a click on an empty form is
    html = client.post(APPLY, {"started": token, "website": "",
                               "privacy_notice": "2026-01"}).content.decode()

    assert "This field is required." in html and "Choose at least one product." in html
    assert CHECK not in html and EXPIRED not in html
    assert not any(refusal in html for refusal in REFUSALS)
    assert TrialApplication.objects.count() == 0


def test_a_replay_is_refused_even_while_the_shared_cache_is_down(dead_cache, settings):  # noqa: F811
    settings.TRIALS_RATE_LIMIT_ENABLED = False
    client = Client()
    data = form_data()
    assert client.post(APPLY, data).status_code == 302  # a person is not refused
    replay = client.post(APPLY, {**data, "email": "mallory@example.org"})
    assert replay.status_code == 200 and EXPIRED in replay.content.decode()
    assert TrialApplication.objects.count() == 1
