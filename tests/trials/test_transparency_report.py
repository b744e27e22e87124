"""The public transparency report: a published, completed year's aggregate numbers on a CMS
page, small counts suppressed so that no applicant can be singled out, in both languages."""

import re

import pytest
from cms.api import add_plugin
from django.core.exceptions import ValidationError
from django.utils import timezone

from center.trials.models import TransparencyReport, TransparencyReportPlugin, TrialApplication
from center.trials.transparency import report_numbers
from tests.ethics.factories import translate
from tests.support.cms import add_plugin_url, bare_placeholder, page_draft, render_plugin
from tests.support.users import UserFactory

from .stats_data import bulk_decided, day

State = TrialApplication.State
YEAR = 2025
ADMIN = "/en/admin/trials/transparencyreport/"


def _risks(index: int) -> dict:
    # Principle 2 over the 25: none 5, low 5, medium 5, high 7, unacceptable 3: one small cell.
    second = ["none"] * 5 + ["low"] * 5 + ["medium"] * 5 + ["high"] * 7 + ["unacceptable"] * 3
    return {1: "none", 2: second[index], 3: "none" if index < 10 else "low"}


@pytest.fixture
def year_2025(code_in_force):
    """25 decisions in 2025: 22 approved, 3 declined (the unacceptable ones); conditions on
    principle 1 twice and principle 2 six times; one 2024 decision that must not count."""
    specs = [{"risks": _risks(i), "state": State.DECLINED if i >= 22 else State.APPROVED,
              "submitted": day(YEAR, 1 + i % 11, 2), "days": 8 if i % 2 else 12,
              "conditions": ([1] if i < 2 else []) + ([2] if 5 <= i < 11 else [])}
             for i in range(25)]
    specs.append({"risks": {1: "high", 2: "high", 3: "high"}, "submitted": day(2024, 3, 1)})
    return bulk_decided(specs, code=code_in_force)


def _publish(year=YEAR):
    return TransparencyReport.objects.create(year=year, is_published=True,
                                             published_at=timezone.now())


def _plugin(year=YEAR, language="en"):
    return add_plugin(bare_placeholder(), "TransparencyReportCMSPlugin", language, year=year)


def _figure(html: str, label: str) -> str:
    return re.search(rf"<dt>{re.escape(label)}</dt><dd>(.*?)</dd>", html).group(1)


def _row(html: str, number: int) -> list[str]:
    row = re.search(rf'<th scope="row">{number}\. .*?</th>(.*?)</tr>', html).group(1)
    return re.findall(r"<td>(.*?)</td>", row)


def test_a_published_year_shows_its_numbers(year_2025):
    _publish()
    html = render_plugin(_plugin())

    assert "Ethics review in 2025" in html
    assert _figure(html, "Applications received") == "25"  # not the 2024 one
    assert _figure(html, "Applications decided") == "25"
    assert _figure(html, "Median time to decision") == "12.0 days"
    assert [cell.startswith("<span") for cell in _row(html, 1)] == [
        False, True, True, True, True, True]  # none 25; the rest and conditions (2) hidden
    assert _row(html, 1)[0] == "25"


def test_small_counts_are_suppressed_and_cannot_be_worked_out_from_a_total(year_2025):
    _publish()
    html = render_plugin(_plugin())
    hidden = '<span class="transparency-report__suppressed">fewer than 5</span>'

    # 3 declined: hidden, and so are approved (25 − 3) and the rate (approved / 25).
    assert _figure(html, "Declined") == hidden
    assert _figure(html, "Approved") == hidden and _figure(html, "Approval rate") == hidden
    assert "22" not in html and "88.0" not in html
    # Principle 2: only "unacceptable" (3) is small, yet a second cell is hidden with it, so
    # the shown ones do not give it back by subtraction from the 25 decided.
    cells = _row(html, 2)
    assert cells[:5] == [hidden, "5", "5", "7", hidden]
    assert cells[5] == "6"  # conditions: no total is shown to subtract from
    for row in report_numbers(YEAR)["principles"]:
        assert sum(cell.suppressed for cell in row["cells"]) != 1


def test_an_unpublished_year_shows_visitors_nothing_and_tells_staff(year_2025, reviewer):
    TransparencyReport.objects.create(year=YEAR, is_published=False)
    plugin = _plugin()
    assert render_plugin(plugin).strip() == ""
    assert "The transparency report for 2025 is not published" in render_plugin(plugin,
                                                                               user=reviewer)


def test_the_current_year_cannot_be_published(client, reviewer):
    this_year = timezone.localdate().year
    with pytest.raises(ValidationError, match="not over yet"):
        TransparencyReport(year=this_year, is_published=True).full_clean()

    client.force_login(reviewer)
    response = client.post(f"{ADMIN}add/", {"year": this_year, "is_published": "on"})
    assert f"Only a completed year can be published: {this_year} is not over yet." in (
        response.content.decode())
    assert not TransparencyReport.objects.exists()

    client.post(f"{ADMIN}add/", {"year": this_year - 1, "is_published": "on"})
    report = TransparencyReport.objects.get()
    assert report.is_published and report.published_by == reviewer


def test_editors_cannot_publish_a_report(client, editor):
    client.force_login(editor)
    assert client.get(ADMIN).status_code == 403


def test_the_report_speaks_chinese(year_2025, code_in_force):
    translate(code_in_force.principles.get(number=2), "zh-hans", title="共享惠益")
    _publish()
    html = render_plugin(_plugin(language="zh-hans"), language="zh-hans")
    assert "2025 年伦理审查" in html and "收到的申请" in html and "少于 5" in html
    assert "2. 共享惠益" in html and "不可接受" in html and "12.0 天" in html


@pytest.mark.usefixtures("demo_pages")
@pytest.mark.parametrize(("language", "path", "heading"), [
    ("en", "/en/about-us/", "Ethics review in 2025"),
    ("zh-hans", "/zh-hans/about-us/", "2025 年伦理审查")])
def test_publishing_shows_the_report_on_a_cached_page_at_once(client, staff_user, year_2025,
                                                             language, path, heading):
    draft, placeholder = page_draft(reverse_id="about", language=language, user=staff_user)
    add_plugin(placeholder, "TransparencyReportCMSPlugin", language, year=YEAR)
    draft.publish(staff_user)
    report = TransparencyReport.objects.create(year=YEAR)

    assert heading not in client.get(path).content.decode()  # and now cached
    report.is_published = True
    report.save()
    html = client.get(path).content.decode()
    assert heading in html
    assert 'href="/static/trials/css/transparency.css"' in html.split("</head>", 1)[0]

    report.is_published = False
    report.save()
    assert heading not in client.get(path).content.decode()


@pytest.mark.usefixtures("demo_pages")
def test_an_editor_places_the_plugin_and_a_year_not_over_is_refused(client):
    editor = UserFactory(username="edna", group="Editors")
    _draft, placeholder = page_draft(reverse_id="about", language="en", user=editor)
    client.force_login(editor)
    url = add_plugin_url(placeholder, "TransparencyReportCMSPlugin")

    this_year = timezone.localdate().year
    refused = client.post(url, {"year": this_year}).content.decode()
    assert f"Choose a completed year: {this_year} is not over yet." in refused
    client.post(url, {"year": YEAR})
    assert TransparencyReportPlugin.objects.get(placeholder=placeholder).year == YEAR
