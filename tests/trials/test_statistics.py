"""The ethics review statistics page: the numbers on a small known set of decisions, a query
count that does not grow with the applications, the CSV and who may see it."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from center.trials import statistics
from center.trials.models import TrialApplication
from tests.ethics.factories import translate
from tests.support.users import UserFactory

from .factories import ProductFactory
from .stats_data import bulk_decided, day

URL = "/en/admin/trials/trialapplication/statistics/"
State = TrialApplication.State


@pytest.fixture
def products(db):
    return (ProductFactory(slug="ai-healthcare", name="AI healthcare", zh={"name": "AI医疗"}),
            ProductFactory(slug="ai-education", name="AI education", zh={"name": "AI教育"}))


@pytest.fixture
def known(code_in_force, products):
    """Three decisions in 2025 and one application still in review (not counted)."""
    health, education = products
    return bulk_decided([
        {"risks": {1: "low", 2: "none", 3: "medium"}, "sector": "healthcare",
         "products": [health], "submitted": day(2025, 1, 10), "days": 10},
        {"risks": {1: "high", 2: "low", 3: "none"}, "sector": "education",
         "products": [education], "submitted": day(2025, 4, 1), "days": 4, "conditions": [1]},
        {"risks": {1: "unacceptable", 2: "none", 3: "none"}, "sector": "healthcare",
         "state": State.DECLINED, "products": [health, education],
         "submitted": day(2025, 5, 1), "days": 30},
        {"risks": {1: "high", 2: "high", 3: "high"}, "state": State.IN_REVIEW,
         "products": [health], "submitted": day(2025, 6, 1)},
    ], code=code_in_force)


def _counts(rows, key):
    return {row[key]: {risk: n for risk, n in row["counts"].items() if n} for row in rows}


def test_headline_numbers(known):
    numbers = statistics.headline(statistics.Filters())
    assert numbers == {"received": 4, "decided": 3, "approved": 2, "declined": 1,
                       "approval_rate": 66.7, "median_days": 10.0}


def test_ratings_per_principle_sector_and_product_count_decided_applications_only(known):
    filters = statistics.Filters()
    assert _counts(statistics.ratings_by_principle(filters), "number") == {
        1: {"low": 1, "high": 1, "unacceptable": 1},
        2: {"none": 2, "low": 1},
        3: {"medium": 1, "none": 2}}
    assert _counts(statistics.ratings_by_sector(filters), "key") == {
        "healthcare": {"low": 1, "none": 3, "medium": 1, "unacceptable": 1},
        "education": {"high": 1, "low": 1, "none": 1}}
    # The declined application is about both products: it counts in each.
    assert _counts(statistics.ratings_by_product(filters), "key") == {
        "ai-healthcare": {"low": 1, "none": 3, "medium": 1, "unacceptable": 1},
        "ai-education": {"high": 1, "low": 1, "none": 3, "unacceptable": 1}}
    assert statistics.conditions_by_principle(filters) == {1: 1}


def test_decisions_and_ratings_per_quarter(known):
    over_time = statistics.decisions_over_time(statistics.Filters())
    assert [(r["label"], r["decided"], r["approved"], r["approval_rate"]) for r in over_time] == [
        ("2025-Q1", 1, 1, 100.0), ("2025-Q2", 2, 1, 50.0)]
    ratings = statistics.ratings_over_time(statistics.Filters())
    assert [(r["label"], sum(r["counts"].values())) for r in ratings] == [("2025-Q1", 3),
                                                                          ("2025-Q2", 6)]


def test_filters_by_sector_product_and_year(known, products):
    by_sector = statistics.headline(statistics.Filters(sector="education"))
    assert (by_sector["decided"], by_sector["median_days"]) == (1, 4.0)
    by_product = statistics.headline(statistics.Filters(product=products[1]))
    assert (by_product["decided"], by_product["approved"]) == (2, 1)
    assert statistics.headline(statistics.Filters(year=2024))["decided"] == 0


def test_the_title_comes_from_the_newest_version_with_that_number(known, code_in_force):
    from center.ethics.services import version_copy_from_in_force, version_publish

    draft = version_copy_from_in_force(user=None)
    principle = draft.principles.get(number=1)
    principle.title = "People first, always"
    principle.save()
    version_publish(version=draft, user=None)

    rows = statistics.ratings_by_principle(statistics.Filters())
    assert rows[0]["title"] == "People first, always"


def test_the_page_shows_numbers_charts_and_tables(client, reviewer, known):
    client.force_login(reviewer)
    html = client.get(URL).content.decode()
    assert "Ethics review statistics" in html
    assert "66.7%" in html and "10.0 days" in html
    assert html.count('class="stats-svg"') == 5 and html.count("<title id=\"chart-") == 5
    assert 'aria-labelledby="chart-principles-title chart-principles-desc"' in html
    assert "The numbers as a table" in html
    assert "style=" not in html.split('id="content-main"', 1)[1]  # the CSP allows none


def test_the_applications_list_links_to_the_statistics(client, reviewer):
    client.force_login(reviewer)
    html = client.get("/en/admin/trials/trialapplication/").content.decode()
    assert f'<a href="{URL}">Ethics review statistics</a>' in html


def test_bad_filters_are_ignored_with_a_message(client, reviewer, known):
    client.force_login(reviewer)
    response = client.get(URL, {"year": "20x5", "sector": "mining", "product": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "“20x5” is not a year: showing every year." in html
    assert "There is no sector “mining”" in html and "There is no product “nope”" in html
    assert "66.7%" in html  # everything is shown


def test_the_page_speaks_chinese(client, reviewer, known, code_in_force):
    translate(code_in_force.principles.get(number=1), "zh-hans", title="以人为本")
    client.force_login(reviewer)
    html = client.get("/zh-hans/admin/trials/trialapplication/statistics/").content.decode()
    assert "伦理审查统计" in html and "下载 CSV" in html and "审批通过率" in html
    assert "1. 以人为本" in html and "医疗" in html


def _many(count, *, code, products, prefix):
    return bulk_decided([{"risks": {1: "low", 2: "high", 3: "none"}, "products": list(products),
                          "sector": ["healthcare", "education"][i % 2], "conditions": [2],
                          "state": [State.APPROVED, State.DECLINED][i % 3 == 0],
                          "submitted": day(2025, 1 + i % 12, 1), "days": i % 20}
                         for i in range(count)], code=code, prefix=prefix)


def _queries(client, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL, params or {}).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_applications(client, reviewer, code_in_force,
                                                             products):
    _many(5, code=code_in_force, products=products, prefix="S")
    client.force_login(reviewer)
    client.get(URL)  # the session and content types: read once
    at_5 = _queries(client), _queries(client, {"product": "ai-education", "year": "2025"})

    _many(495, code=code_in_force, products=products, prefix="M")
    at_500 = _queries(client), _queries(client, {"product": "ai-education", "year": "2025"})

    assert at_5 == at_500
    assert statistics.headline(statistics.Filters())["decided"] == 500


def test_csv_rows_and_formula_guard(client, reviewer, known, code_in_force):
    translate(code_in_force.principles.get(number=3), "en", title="=HYPERLINK(\"x\")")
    client.force_login(reviewer)
    response = client.get(URL, {"format": "csv", "year": "2025"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[0] == ["period", "principle_number", "principle_title", "sector", "product",
                       "risk", "count"]
    assert ["2025-Q1", "1", "Title 1", "healthcare", "ai-healthcare", "low", "1"] in rows
    assert ["2025-Q2", "1", "Title 1", "healthcare", "ai-education", "unacceptable", "1"] in rows
    assert ["2025-Q1", "3", "'=HYPERLINK(\"x\")", "healthcare", "ai-healthcare", "medium",
            "1"] in rows
    assert len(rows) == 1 + 3 + 3 + 6  # the declined one: once per product
    assert not any(row[0] == "2025-Q2" and row[5] == "high" and row[1] == "2" for row in rows)


@pytest.mark.parametrize(("group", "superuser", "status"), [
    ("Reviewers", False, 200), (None, True, 200),
    ("Editors", False, 403), ("Newsletter managers", False, 403)])
def test_who_may_see_the_statistics(client, known, group, superuser, status):
    user = UserFactory(username=f"u-{group}-{superuser}", group=group, is_superuser=superuser)
    client.force_login(user)
    assert client.get(URL).status_code == status
    assert client.get(URL, {"format": "csv"}).status_code == status
