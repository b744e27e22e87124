"""The form and status pages read well in both languages: one separator between a label and
its message in the error summary, the summary in the page's field order, every invalid input
marked, what happens after applying, and the next step on the status page."""

import re

import pytest

from center.trials import services
from center.trials.tokens import status_token

from .conftest import APPLY
from .factories import application_create, form_data

pytestmark = pytest.mark.usefixtures("trial_page", "offer")

EVERYTHING_WRONG = dict(name="", email="not-an-email", job_title="", phone="abc",
                        organisation="", country="", sector="", products=[],
                        intended_use="Too short.", expected_scale="", consent="")


def _summary(html: str) -> tuple[list[str], list[str]]:
    block = re.search(r'<div class="error-summary".*?</div>', html, re.S).group(0)
    items = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', block)
    return [target for target, _text in items], [text for _target, text in items]


def _page_order(html: str, targets: list[str]) -> list[str]:
    form = html[html.index('<p class="trial-form__intro"'):]
    return sorted(targets, key=lambda target: form.index(f'id="{target}"'))


@pytest.mark.parametrize("prefix, separator", [("/en", ": "), ("/zh-hans", "：")])
def test_the_error_summary_has_one_separator_and_follows_the_page(client, prefix, separator):
    url = APPLY.replace("/en", prefix)
    html = client.post(url, form_data(**EVERYTHING_WRONG)).content.decode()
    targets, lines = _summary(html)

    assert len(targets) == 11
    assert targets == _page_order(html, targets)
    for line in lines:
        assert separator in line
        assert not re.search(r"[?:？：]\s*[:：]", line), line  # "How will you use them?: …"
    starts = ("How will you use them: ", "您将如何使用这些产品：")
    assert any(line.startswith(starts) for line in lines)


def test_every_invalid_input_is_marked_and_valid_ones_are_not(client):
    html = client.post(APPLY, form_data(email="not-an-email", products=[],
                                        expected_scale="")).content.decode()
    invalid = set(re.findall(r'<input[^>]*aria-invalid="true"[^>]*id="(id_[a-z_0-9]+)"', html))
    invalid |= set(re.findall(r'<input[^>]*id="(id_[a-z_0-9]+)"[^>]*aria-invalid="true"', html))

    assert "id_email" in invalid
    assert {"id_products_0", "id_products_1"} <= invalid  # every box of the group
    assert {"id_expected_scale_0", "id_expected_scale_3"} <= invalid
    assert "id_name" not in invalid and "id_organisation" not in invalid
    assert html.count("form-field--error") == 3  # the red border and message beside each


@pytest.mark.parametrize("prefix, words", [
    ("/en", ["What happens next", "confirmation", "Within ten working days", "status page"]),
    ("/zh-hans", ["后续流程", "确认邮件", "十个工作日内", "状态页面"]),
])
def test_the_form_says_what_happens_next(client, prefix, words):
    html = client.get(APPLY.replace("/en", prefix)).content.decode()
    aside = re.search(r'<aside class="trial-aside".*?</aside>', html, re.S).group(0)
    assert all(word in aside for word in words)
    assert html.index("</form>") < html.index('<aside class="trial-aside"')  # below on phones


def _next_step(client, application, prefix="/en") -> str:
    html = client.get(f"{prefix}/apply-for-trial/status/{status_token(application)}/")
    return re.search(r'<p class="trial-next-step">(.*?)</p>', html.content.decode(),
                     re.S).group(1)


def test_the_status_page_says_the_next_step_for_each_state(client, reviewer):
    application = application_create()
    steps = {"submitted": _next_step(client, application)}
    services.application_start_review(application=application, reviewer=reviewer)
    steps["in_review"] = _next_step(client, application)
    services.application_request_info(application=application, reviewer=reviewer,
                                      message="Who will see the results?")
    steps["more_info"] = _next_step(client, application)
    assert "ten working days" in steps["submitted"]
    assert "email you their decision" in steps["in_review"]
    assert "Answer the reviewers' question below" in steps["more_info"]
    assert "下方答复" in _next_step(client, application, "/zh-hans")

    declined = application_create(email="bob@example.org")
    services.application_start_review(application=declined, reviewer=reviewer)
    services.application_decline(application=declined, reviewer=reviewer, message="Sorry.")
    assert "This decision is final" in _next_step(client, declined)
    assert len(set(steps.values())) == 3
