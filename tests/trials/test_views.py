import re
import time

import pytest
from django.core import mail, signing
from django.test import Client

from center.trials import services
from center.trials.models import EmailOutbox, TrialApplication
from center.trials.tokens import STATUS_SALT, started_token, status_token

from .conftest import APPLY
from .factories import application_create, form_data

pytestmark = pytest.mark.usefixtures("trial_page", "offer")


def _reference(html: str) -> str:
    return re.search(r"TR-\d{4}-[0-9A-Z]{6}", html).group(0)


def test_the_form_shows_every_field_with_a_label_in_both_languages(client):
    html = client.get(APPLY).content.decode()
    for label in ("Your name", "Work email", "Organisation", "Job title", "Country or region",
                  "Sector", "Products of interest", "How will you use them?", "Expected scale",
                  "Phone (optional)", "AI healthcare", "AI education",
                  "Read the privacy notice (version 2026-01)"):
        assert label in html
    zh = client.get("/zh-hans/apply-for-trial/").content.decode()
    assert "您的姓名" in zh and "AI医疗" in zh and "我们处理您的数据" in zh


def test_only_the_form_page_sets_a_cookie(client):
    assert "csrftoken" in client.get(APPLY).cookies  # the form carries CSRF
    fresh = Client()
    assert not fresh.get("/en/").cookies
    response = fresh.get(APPLY)
    assert response["Cache-Control"].startswith("max-age=0")  # never_cache: tokens inside


def test_a_valid_application_redirects_to_thanks_with_its_reference_and_sends_two_emails(
        client, reviewer, committed):
    with committed():
        response = client.post(APPLY, form_data())
    assert response.status_code == 302
    assert response["Location"].startswith("/en/apply-for-trial/thanks/?ref=")

    thanks = client.get(response["Location"])
    html = thanks.content.decode()
    application = TrialApplication.objects.get()
    assert application.reference in html and "ada@example.org" in html
    assert thanks["Referrer-Policy"] == "no-referrer"
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "rita@center.example"]
    status_link = re.search(r'href="(/en/apply-for-trial/status/[^"]+)"', html).group(1)
    assert client.get(status_link).status_code == 200
    # Reloading the thank-you page (a GET) submits nothing again.
    client.get(response["Location"])
    assert TrialApplication.objects.count() == 1


def test_a_chinese_application_is_confirmed_in_chinese(client, reviewer, committed):
    with committed():
        response = client.post("/zh-hans/apply-for-trial/", form_data())
    assert response["Location"].startswith("/zh-hans/apply-for-trial/thanks/")
    confirmation = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert "我们已收到" in confirmation.subject
    assert "/zh-hans/apply-for-trial/status/" in confirmation.body
    assert TrialApplication.objects.get().language == "zh-hans"


def test_errors_are_shown_next_to_fields_and_in_a_linked_summary_keeping_the_input(client):
    response = client.post(APPLY, form_data(email="not-an-email", intended_use="Too short.",
                                            products=[]))
    html = response.content.decode()

    assert response.status_code == 200
    assert TrialApplication.objects.count() == 0
    assert 'href="#id_email"' in html and 'href="#id_intended_use"' in html
    assert 'href="#id_products_0"' in html
    assert re.search(r'<ul class="form-field__errors" id="id_email_error">.*valid email', html)
    assert re.search(r'aria-describedby="id_email_helptext id_email_error"', html)
    assert 'aria-invalid="true"' in html
    assert "at least 50 characters" in html
    assert 'value="not-an-email"' in html and "Too short.</textarea>" in html
    assert 'value="Analytical Hospital"' in html
    assert "<title>Error:" in html


def test_errors_are_in_the_visitors_language(client):
    html = client.post("/zh-hans/apply-for-trial/", form_data(consent="")).content.decode()
    assert "请同意隐私声明后再提交申请。" in html


def test_the_honeypot_refuses_and_stores_nothing(client, committed):
    with committed():
        response = client.post(APPLY, form_data(website="http://spam.example"))
    assert response.status_code == 400
    assert TrialApplication.objects.count() == 0 and mail.outbox == []


def test_a_form_sent_back_at_once_or_with_a_forged_start_is_shown_again(client, settings):
    settings.TRIALS_MIN_FILL_SECONDS = 1
    response = client.post(APPLY, form_data(started=started_token(time.time())))
    html = response.content.decode()
    assert response.status_code == 200 and "Please check your answers and submit again." in html
    assert TrialApplication.objects.count() == 0
    # A forged start time is sent back the same way, and a fresh one is issued.
    html = client.post(APPLY, form_data(started="forged")).content.decode()
    assert "Please check your answers and submit again." in html
    assert 'name="started" value="forged"' not in html


def test_over_the_rate_limit_a_friendly_429_and_nothing_stored(client, settings, committed):
    settings.TRIALS_RATE_LIMIT_PER_IP = 2
    for i in range(2):
        with committed():
            client.post(APPLY, form_data(email=f"person{i}@example.org"))
    mail.outbox.clear()

    with committed():
        response = client.post(APPLY, form_data(email="third@example.org"))

    assert response.status_code == 429
    assert "Too many applications" in response.content.decode()
    assert TrialApplication.objects.count() == 2 and mail.outbox == []


def test_one_email_address_is_limited_across_addresses(settings, committed):
    settings.TRIALS_RATE_LIMIT_PER_EMAIL = 1
    first = Client(REMOTE_ADDR="198.51.100.1")
    second = Client(REMOTE_ADDR="198.51.100.2")
    assert first.post(APPLY, form_data()).status_code == 302
    response = second.post(APPLY, form_data(intended_use="Another use entirely. " * 5))
    assert response.status_code == 429


def test_a_repeat_submission_shows_the_same_reference_and_sends_nothing_new(
        client, reviewer, committed):
    with committed():
        first = client.get(client.post(APPLY, form_data())["Location"]).content.decode()
    sent = len(mail.outbox)
    with committed():
        again = client.get(client.post(APPLY, form_data())["Location"]).content.decode()
    assert _reference(first) == _reference(again)
    assert len(mail.outbox) == sent and TrialApplication.objects.count() == 1


def test_the_status_page_shows_the_public_timeline_only(client, reviewer):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer,
                                      internal_note="Check the hospital's ethics board")
    services.application_request_info(application=application, reviewer=reviewer,
                                      message="Who will see the results?",
                                      internal_note="SECRET internal remark")

    response = client.get(f"/en/apply-for-trial/status/{status_token(application)}/")
    html = response.content.decode()

    assert response.status_code == 200
    assert application.reference in html and "More information needed" in html
    assert "Who will see the results?" in html
    assert "SECRET" not in html and "ethics board" not in html
    assert 'name="reply"' in html
    assert response["Referrer-Policy"] == "no-referrer"


def test_the_applicant_answers_on_the_status_page(client, reviewer, committed):
    application = application_create()
    services.application_start_review(application=application, reviewer=reviewer)
    services.application_request_info(application=application, reviewer=reviewer,
                                      message="Who will see the results?")
    url = f"/en/apply-for-trial/status/{status_token(application)}/"

    short = client.post(url, {"reply": "Nobody"})
    assert short.status_code == 200 and 'href="#id_reply"' in short.content.decode()

    with committed():
        response = client.post(url, {"reply": "Only the two doctors running the pilot."})
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert "your answer was sent" in html and "Only the two doctors" in html
    assert 'name="reply"' not in html  # nothing more to answer
    application.refresh_from_db()
    assert application.state == "in_review"
    assert [m.to for m in mail.outbox] == [["rita@center.example"]]
    # Sent again (another tab): nothing changes.
    client.post(url, {"reply": "Only the two doctors running the pilot."})
    assert application.events.filter(by_applicant=True, to_state="in_review").count() == 1


def _signed_days_ago(application, days: int) -> str:
    class Past(signing.TimestampSigner):
        def timestamp(self):
            return signing.b62_encode(int(time.time()) - days * 86400)

    return Past(salt=STATUS_SALT).sign_object([application.pk, application.reference])


def test_a_forged_or_expired_status_link_gets_a_clear_page(client):
    application = application_create()
    forged = client.get("/en/apply-for-trial/status/WzEsIlRSIl0:1abc:forged/")
    assert forged.status_code == 404 and "This link is not valid" in forged.content.decode()

    still_valid = _signed_days_ago(application, 89)
    assert client.get(f"/en/apply-for-trial/status/{still_valid}/").status_code == 200
    expired = client.get(f"/zh-hans/apply-for-trial/status/{_signed_days_ago(application, 91)}/")
    assert expired.status_code == 410 and "此链接已过期" in expired.content.decode()


@pytest.mark.parametrize("token", ["x", "a" * 300, "%00", "..", "WzF9:1:2"])
def test_garbage_status_tokens_never_fail(client, token):
    assert client.get(f"/en/apply-for-trial/status/{token}/").status_code in (404, 410)


def test_outbox_rows_exist_even_before_emails_go_out(client):
    # Without running on-commit work (no broker round trip here) the rows wait, pending.
    client.post(APPLY, form_data())
    assert sorted(EmailOutbox.objects.values_list("kind", "status")) == [
        ("confirmation", "pending"), ("staff_notification", "pending")]


def test_behind_a_proxy_the_limit_counts_the_address_the_proxy_reports(client, settings):
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.TRIALS_RATE_LIMIT_PER_IP = 1
    assert client.post(APPLY, form_data(), HTTP_X_REAL_IP="192.0.2.1").status_code == 302
    other = client.post(APPLY, form_data(email="b@example.org"), HTTP_X_REAL_IP="192.0.2.2")
    assert other.status_code == 302
    again = client.post(APPLY, form_data(email="c@example.org"), HTTP_X_REAL_IP="192.0.2.1")
    assert again.status_code == 429
