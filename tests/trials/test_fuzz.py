"""Whatever arrives at the form: a page with errors (200), 400, 403 or 429, never a 500,
and nothing stored unless the input was a valid application."""

import random
import string

import pytest
from django.test import Client

from center.trials.models import EmailOutbox, TrialApplication

from .conftest import APPLY
from .factories import form_data

pytestmark = pytest.mark.usefixtures("trial_page", "offer")

ACCEPTABLE = {200, 400, 403, 429}
FIELDS = [
    "name", "email", "organisation", "job_title", "country", "sector", "products",
    "intended_use", "expected_scale", "phone", "consent", "privacy_notice", "website", "started"]
NASTY = ["", " ", "\x00", "\x00" * 10, "'; DROP TABLE trials_trialapplication; --",
         "<script>alert(1)</script>", "\ud7ff\ue000\U0010ffff", "𝕬" * 300, "a" * 100_000,
         "-1", "0", "99999999999999999999999", "1.5", "[]", "{}", "null", "\r\n\t",
         "%00", "\u202eright-to-left", "申请试用" * 2000]


def _post_and_check(client, data, **extra):
    before = TrialApplication.objects.count(), EmailOutbox.objects.count()
    response = client.post(APPLY, data, **extra)
    assert response.status_code in ACCEPTABLE, response.status_code
    assert (TrialApplication.objects.count(), EmailOutbox.objects.count()) == before
    return response


def _random_value(rng: random.Random):
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(NASTY)
    if kind == 1:
        return "".join(rng.choice(string.printable) for _ in range(rng.randrange(0, 400)))
    if kind == 2:
        return "".join(chr(rng.randrange(1, 0xD7FF)) for _ in range(rng.randrange(0, 80)))
    return [rng.choice(NASTY) for _ in range(rng.randrange(1, 4))]


def test_random_garbage_in_every_field_never_fails(settings):
    settings.TRIALS_RATE_LIMIT_ENABLED = False
    rng = random.Random(20260101)
    client = Client()
    for _ in range(150):
        data = form_data()
        for name in rng.sample(FIELDS, rng.randrange(1, 5)):
            data[name] = _random_value(rng)
        if rng.random() < 0.2:
            data.pop(rng.choice(FIELDS), None)  # missing fields
        if not _honeypot_filled(data) and _would_be_valid(data):
            continue  # a valid application is stored, as it should be
        _post_and_check(client, data)


def _honeypot_filled(data) -> bool:
    # As the form reads it from the QueryDict: the last value of a repeated field.
    value = data.get("website")
    if isinstance(value, list):
        value = value[-1] if value else ""
    return bool(value)


def _would_be_valid(data) -> bool:
    from django.http import QueryDict

    from center.trials.forms import ApplicationForm

    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return ApplicationForm(query).is_valid()


def test_non_utf8_bytes_huge_bodies_and_wrong_content_types_never_fail(settings):
    settings.TRIALS_RATE_LIMIT_ENABLED = False
    client = Client()
    urlencoded = "application/x-www-form-urlencoded"
    for body, content_type in [
        (b"name=\xff\xfe\xfd&email=\xc3\x28@x.org&intended_use=" + b"\x80" * 200, urlencoded),
        (b"\xff" * 5000, urlencoded),
        (b"name=" + b"a" * 3_000_000, urlencoded),  # over DATA_UPLOAD_MAX_MEMORY_SIZE: 400
        (b"&".join(b"products=%d" % i for i in range(1200)), urlencoded),  # too many fields
        (b'{"name": "json"}', "application/json"),
        (b"--x\r\nbroken multipart", "multipart/form-data; boundary=x"),
        (b"--\r\n", "multipart/form-data"),  # no boundary at all
    ]:
        _post_and_check(client, body, content_type=content_type)


def test_without_a_csrf_token_it_is_403_and_nothing_stored():
    response = _post_and_check(Client(enforce_csrf_checks=True), form_data())
    assert response.status_code == 403


def test_with_hypothesis_when_available(settings):
    hypothesis = pytest.importorskip("hypothesis")
    from hypothesis import strategies as st

    settings.TRIALS_RATE_LIMIT_ENABLED = False
    client = Client()
    values = st.one_of(st.text(max_size=6000), st.lists(st.text(max_size=50), max_size=3),
                       st.sampled_from(NASTY))

    # derandomize: CI sees the same 100 examples every run (a failure reproduces).
    @hypothesis.settings(max_examples=100, deadline=None, database=None, derandomize=True,
                         suppress_health_check=list(hypothesis.HealthCheck))
    @hypothesis.given(st.dictionaries(st.sampled_from(FIELDS), values, max_size=6))
    def check(overrides):
        data = {**form_data(), **overrides}
        if _would_be_valid(data) and not _honeypot_filled(data):
            return
        _post_and_check(client, data)

    check()


def test_a_product_number_beyond_any_key_is_an_invalid_choice_not_an_error(client, settings):
    settings.TRIALS_RATE_LIMIT_ENABLED = False
    response = _post_and_check(client, {**form_data(), "products": ["99999999999999999999999"]})
    assert response.status_code == 200
