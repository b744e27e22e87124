"""Reads for the ethics review statistics (the staff page, its CSV) and the public
transparency report. Everything is counted in the database, grouped, in a fixed number of
queries however many applications there are.

Ratings and conditions count decided applications only: a decision is final, so the numbers
do not move while a review is under way. Time runs by the quarter of the decision."""

import statistics as pystats
from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncQuarter
from django.utils import timezone
from django.utils.translation import gettext as _

from center.ethics.models import Principle

from .models import DECIDED_STATES, Condition, PrincipleRating, Product, Risk, TrialApplication

State = TrialApplication.State


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    sector: str | None = None
    product: Product | None = None
    problems: list[str] = field(default_factory=list, compare=False)


def parse_filters(params) -> Filters:
    """Filters from GET parameters; a value that makes no sense is dropped, with a message."""
    problems, year, sector, product = [], None, None, None
    raw_year = (params.get("year") or "").strip()
    if raw_year:
        if raw_year.isdigit() and 2000 <= int(raw_year) <= timezone.now().year + 1:
            year = int(raw_year)
        else:
            problems.append(_("“%(value)s” is not a year: showing every year.")
                            % {"value": raw_year[:20]})
    raw_sector = (params.get("sector") or "").strip()
    if raw_sector:
        if raw_sector in TrialApplication.Sector.values:
            sector = raw_sector
        else:
            problems.append(_("There is no sector “%(value)s”: showing every sector.")
                            % {"value": raw_sector[:40]})
    raw_product = (params.get("product") or "").strip()
    if raw_product:
        product = (Product.objects.filter(slug=raw_product).prefetch_related("translations")
                   .first())
        if product is None:
            problems.append(_("There is no product “%(value)s”: showing every product.")
                            % {"value": raw_product[:80]})
    return Filters(year=year, sector=sector, product=product, problems=problems)


def _scoped(queryset: QuerySet, filters: Filters, prefix: str = "") -> QuerySet:
    if filters.sector:
        queryset = queryset.filter(**{f"{prefix}sector": filters.sector})
    if filters.product:
        queryset = queryset.filter(**{f"{prefix}products": filters.product})
    return queryset


def decided_applications(filters: Filters) -> QuerySet:
    queryset = _scoped(TrialApplication.objects.filter(state__in=DECIDED_STATES), filters)
    if filters.year:
        queryset = queryset.filter(decided_at__year=filters.year)
    return queryset


def _decided_ratings(filters: Filters) -> QuerySet:
    prefix = "assessment__application__"
    queryset = _scoped(PrincipleRating.objects.exclude(risk="").filter(
        **{f"{prefix}state__in": DECIDED_STATES}), filters, prefix)
    if filters.year:
        queryset = queryset.filter(**{f"{prefix}decided_at__year": filters.year})
    return queryset


def _decided_conditions(filters: Filters) -> QuerySet:
    prefix = "assessment__application__"
    queryset = _scoped(Condition.objects.filter(**{f"{prefix}state__in": DECIDED_STATES}),
                       filters, prefix)
    if filters.year:
        queryset = queryset.filter(**{f"{prefix}decided_at__year": filters.year})
    return queryset


def headline(filters: Filters) -> dict:
    """Received (submitted in the year), decided, approved, declined, the approval rate (%)
    and the median days from submission to decision. Three queries."""
    received = _scoped(TrialApplication.objects.all(), filters)
    if filters.year:
        received = received.filter(submitted_at__year=filters.year)
    counts = decided_applications(filters).aggregate(
        decided=Count("pk", distinct=True),
        approved=Count("pk", distinct=True, filter=Q(state=State.APPROVED)),
        declined=Count("pk", distinct=True, filter=Q(state=State.DECLINED)))
    # In Python from one query: SQLite has no percentile aggregate.
    durations = [(decided - submitted).total_seconds() / 86400 for submitted, decided in
                 decided_applications(filters).values_list("submitted_at", "decided_at")
                 .distinct()]
    decided = counts["decided"]
    return {
        "received": received.values("pk").distinct().count(),
        **counts,
        "approval_rate": round(100 * counts["approved"] / decided, 1) if decided else None,
        "median_days": round(pystats.median(durations), 1) if durations else None,
    }


def principle_titles(numbers) -> dict[int, str]:
    """Each principle number's title in the active language, from the newest Code version
    that has the number (numbers are kept across versions; titles may be reworded)."""
    principles = (Principle.objects.filter(number__in=set(numbers))
                  .select_related("version").prefetch_related("translations")
                  .order_by("number", "-version__published_at", "-version_id"))
    titles = {}
    for principle in principles:
        titles.setdefault(principle.number, principle.safe_translation_getter(
            "title", any_language=True) or "")
    return titles


def _matrix(rows) -> dict:
    """{key: {risk: count}} with every risk level present, from (key, risk, count) rows."""
    matrix: dict = {}
    for key, risk, count in rows:
        matrix.setdefault(key, dict.fromkeys(Risk.values, 0))[risk] = count
    return matrix


def ratings_by_principle(filters: Filters) -> list[dict]:
    """[{number, title, counts: {risk: n}}] by principle number, across Code versions."""
    rows = (_decided_ratings(filters).values_list("principle__number", "risk")
            .annotate(n=Count("pk", distinct=True)).order_by())
    matrix = _matrix(rows)
    titles = principle_titles(matrix)
    return [{"number": number, "title": titles.get(number, ""), "counts": matrix[number]}
            for number in sorted(matrix)]


def ratings_by_sector(filters: Filters) -> list[dict]:
    rows = (_decided_ratings(filters).values_list("assessment__application__sector", "risk")
            .annotate(n=Count("pk", distinct=True)).order_by())
    matrix = _matrix(rows)
    labels = dict(TrialApplication.Sector.choices)
    return [{"key": sector, "label": str(labels.get(sector, sector)), "counts": matrix[sector]}
            for sector in TrialApplication.Sector.values if sector in matrix]


def ratings_by_product(filters: Filters) -> list[dict]:
    """An application about two products counts in both."""
    rows = (_decided_ratings(filters).values_list("assessment__application__products", "risk")
            .annotate(n=Count("pk", distinct=True)).order_by())
    matrix = _matrix(rows)
    products = Product.objects.filter(pk__in=[k for k in matrix if k]).prefetch_related(
        "translations")
    return [{"key": product.slug, "label": str(product), "counts": matrix[product.pk]}
            for product in products]


def decisions_over_time(filters: Filters) -> list[dict]:
    """[{period (date of the quarter's first day), decided, approved, approval_rate}]."""
    rows = (decided_applications(filters).annotate(period=TruncQuarter("decided_at"))
            .values("period").order_by("period")
            .annotate(decided=Count("pk", distinct=True),
                      approved=Count("pk", distinct=True, filter=Q(state=State.APPROVED))))
    return [{**row, "label": quarter_label(row["period"]),
             "approval_rate": round(100 * row["approved"] / row["decided"], 1)}
            for row in rows]


def ratings_over_time(filters: Filters) -> list[dict]:
    """[{period, label, counts: {risk: n}}] by quarter of decision."""
    rows = (_decided_ratings(filters)
            .annotate(period=TruncQuarter("assessment__application__decided_at"))
            .values_list("period", "risk").annotate(n=Count("pk", distinct=True))
            .order_by("period"))
    matrix = _matrix(rows)
    return [{"period": period, "label": quarter_label(period), "counts": counts}
            for period, counts in sorted(matrix.items())]


def conditions_by_principle(filters: Filters) -> dict[int, int]:
    rows = (_decided_conditions(filters).values_list("principle__number")
            .annotate(n=Count("pk", distinct=True)).order_by())
    return dict(rows)


def quarter_label(period) -> str:
    return f"{period.year}-Q{(period.month - 1) // 3 + 1}" if period else ""


def csv_rows(filters: Filters) -> list[tuple]:
    """(period, principle number, principle title, sector, product, risk, count) rows."""
    rows = (_decided_ratings(filters)
            .annotate(period=TruncQuarter("assessment__application__decided_at"))
            .values_list("period", "principle__number", "assessment__application__sector",
                         "assessment__application__products__slug", "risk")
            .annotate(n=Count("pk", distinct=True))
            .order_by("period", "principle__number", "assessment__application__sector",
                      "assessment__application__products__slug", "risk"))
    rows = list(rows)
    titles = principle_titles({row[1] for row in rows})
    return [(quarter_label(period), number, titles.get(number, ""), sector, product or "",
             risk, count) for period, number, sector, product, risk, count in rows]


def decision_years() -> list[int]:
    """Years with at least one decision, newest first (the filter's choices)."""
    return sorted({d.year for d in TrialApplication.objects.filter(state__in=DECIDED_STATES)
                   .dates("decided_at", "year")}, reverse=True)
