"""Staff pages of the ethics review's numbers: the statistics page (charts and CSV) hooked
into the applications' admin, and the transparency reports Reviewers publish per year."""

import csv

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext

from center.core.spreadsheet import spreadsheet_cell

from . import selectors, statistics
from .charts import columns_with_line, stacked_bars
from .models import Product, Risk, TransparencyReport, TrialApplication

CSV_HEADER = ["period", "principle_number", "principle_title", "sector", "product", "risk",
              "count"]


def statistics_urls(model_admin) -> list:
    view = model_admin.admin_site.admin_view(lambda request: statistics_view(model_admin,
                                                                             request))
    return [path("statistics/", view, name="trials_statistics")]


def _risk_series():
    return [(value, label) for value, label in Risk.choices]


def _charts(data) -> dict:
    risk_rows = [(f"{row['number']}. {row['title']}", row["counts"])
                 for row in data["by_principle"]]
    return {
        "principles": stacked_bars(
            risk_rows, _risk_series(), chart_id="chart-principles",
            title=gettext("Risk ratings per principle"),
            desc=gettext("Stacked bars: for each principle, how many decided applications "
                         "got each risk level. The table below gives the same numbers.")),
        "sectors": stacked_bars(
            [(row["label"], row["counts"]) for row in data["by_sector"]], _risk_series(),
            chart_id="chart-sectors", title=gettext("Risk ratings per sector"),
            desc=gettext("Stacked bars of ratings by the applicant's sector.")),
        "products": stacked_bars(
            [(row["label"], row["counts"]) for row in data["by_product"]], _risk_series(),
            chart_id="chart-products", title=gettext("Risk ratings per product"),
            desc=gettext("Stacked bars of ratings by product; an application about two "
                         "products counts in both.")),
        "over_time": columns_with_line(
            data["over_time"], chart_id="chart-time",
            title=gettext("Decisions and approval rate per quarter"),
            desc=gettext("Columns: applications decided in each quarter. Dashed line: the "
                         "share approved, from 0% to 100%.")),
        "ratings_over_time": stacked_bars(
            [(row["label"], row["counts"]) for row in data["ratings_over_time"]],
            _risk_series(), chart_id="chart-ratings-time",
            title=gettext("Risk ratings per quarter of decision"),
            desc=gettext("Stacked bars of all ratings given in each quarter's decisions.")),
    }


def statistics_view(model_admin, request):
    if not selectors.can_review(request.user):
        raise PermissionDenied
    filters = statistics.parse_filters(request.GET)
    if request.GET.get("format") == "csv":
        return _csv_response(filters)
    for problem in filters.problems:
        messages.warning(request, problem)
    data = {
        "headline": statistics.headline(filters),
        "by_principle": statistics.ratings_by_principle(filters),
        "by_sector": statistics.ratings_by_sector(filters),
        "by_product": statistics.ratings_by_product(filters),
        "over_time": statistics.decisions_over_time(filters),
        "ratings_over_time": statistics.ratings_over_time(filters),
    }
    query = request.GET.copy()
    query["format"] = "csv"
    return TemplateResponse(request, "trials/admin/statistics.html", {
        **model_admin.admin_site.each_context(request), "opts": TrialApplication._meta,
        "title": gettext("Ethics review statistics"), "filters": filters, **data,
        "charts": _charts(data), "risks": _risk_series(),
        "years": statistics.decision_years(),
        "sectors": TrialApplication.Sector.choices,
        "products": Product.objects.prefetch_related("translations"),
        "csv_query": query.urlencode(),
    })


def _csv_response(filters) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="ethics-review-statistics.csv"'
    response.write("\ufeff")  # spreadsheets then read the UTF-8 (Chinese) correctly
    writer = csv.writer(response)
    writer.writerow(CSV_HEADER)
    for row in statistics.csv_rows(filters):
        writer.writerow([spreadsheet_cell(value) for value in row])
    return response


@admin.register(TransparencyReport)
class TransparencyReportAdmin(admin.ModelAdmin):
    """Reviewers and superusers opt a completed year in (or out) of the public report."""

    list_display = ["year", "is_published", "published_at", "published_by"]
    fields = ["year", "is_published", "published_at", "published_by"]
    readonly_fields = ["published_at", "published_by"]

    def _reviewer(self, request):
        return selectors.can_review(request.user)

    def has_module_permission(self, request):
        return self._reviewer(request) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return self._reviewer(request) and super().has_view_permission(request, obj)

    def has_add_permission(self, request):
        return self._reviewer(request) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None):
        return self._reviewer(request) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False  # withdraw it by unticking "published": who published it stays recorded

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "year"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if "is_published" in form.changed_data or not change:
            obj.published_at = timezone.now() if obj.is_published else None
            obj.published_by = request.user if obj.is_published else None
        super().save_model(request, obj, form, change)
