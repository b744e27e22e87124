"""The numbers of a year's public transparency report, with small counts suppressed.

A count under SUPPRESS_BELOW could point at an applicant, so it is shown as "fewer than 5".
Suppressing one cell is not enough where a total is known: the visitor would subtract. So:
- approved + declined = decided (shown): if either is small, both are hidden, and so is the
  approval rate (rate × decided gives approved back);
- a principle's ratings add up to about the number of decided applications (shown): if one
  cell of a row is hidden, the smallest other cell is hidden too, so two unknowns share one
  equation and neither can be worked out. Rows have no total column;
- conditions per principle are shown without a total;
- the median time to decision is hidden when fewer than 5 decisions make it."""

from dataclasses import dataclass

from .models import Risk, TransparencyReport
from .statistics import Filters, conditions_by_principle, headline, ratings_by_principle

SUPPRESS_BELOW = 5


@dataclass(frozen=True)
class Cell:
    value: int | float | None
    suppressed: bool = False


def published_report(year: int) -> TransparencyReport | None:
    return TransparencyReport.objects.filter(year=year, is_published=True).first()


def _cell(count: int) -> Cell:
    return Cell(None, True) if count < SUPPRESS_BELOW else Cell(count)


def _suppress_row(counts: dict[str, int]) -> dict[str, Cell]:
    cells = {key: _cell(count) for key, count in counts.items()}
    hidden = [key for key, cell in cells.items() if cell.suppressed]
    if len(hidden) == 1:
        shown = [key for key, cell in cells.items() if not cell.suppressed]
        second = min(shown, key=lambda key: counts[key])
        cells[second] = Cell(None, True)
    return cells


def report_numbers(year: int) -> dict:
    """What the public report shows for `year`, every small count already suppressed."""
    filters = Filters(year=year)
    numbers = headline(filters)
    approved, declined = _cell(numbers["approved"]), _cell(numbers["declined"])
    split_hidden = approved.suppressed or declined.suppressed
    if split_hidden:
        approved = declined = Cell(None, True)
    decided = _cell(numbers["decided"])
    conditions = conditions_by_principle(filters)
    principles = [{
        "number": row["number"], "title": row["title"],
        "cells": [_suppress_row(row["counts"])[risk] for risk in Risk.values],
        "conditions": _cell(conditions.get(row["number"], 0)),
    } for row in ratings_by_principle(filters)]
    return {
        "received": _cell(numbers["received"]),
        "decided": decided,
        "approved": approved,
        "declined": declined,
        "approval_rate": (Cell(None, True) if split_hidden or decided.suppressed
                          else Cell(numbers["approval_rate"])),
        "median_days": (Cell(None, True) if decided.suppressed
                        else Cell(numbers["median_days"])),
        "risks": [label for _value, label in Risk.choices],
        "principles": principles,
    }
