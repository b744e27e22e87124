"""Reads for the ethics assessment screens: an assessment with everything its page shows,
loaded in a fixed number of queries, and its ratings grouped by the Code's sections."""

from django.db.models import Prefetch

from .models import Assessment, Condition, PrincipleRating


def assessment_for_page(application) -> Assessment | None:
    ratings = (PrincipleRating.objects.select_related("principle__section")
               .prefetch_related("principle__translations", "principle__section__translations"))
    conditions = (Condition.objects.select_related("principle", "created_by")
                  .prefetch_related("principle__translations"))
    return (Assessment.objects.filter(application=application)
            .select_related("code_version", "opened_by", "concurred_by")
            .prefetch_related(Prefetch("ratings", ratings), Prefetch("conditions", conditions))
            .first())


def ratings_by_section(assessment: Assessment) -> list[tuple[object, list[PrincipleRating]]]:
    """[(section, its ratings)] in the Code's order: sections, then principles."""
    groups: dict[int, tuple[object, list[PrincipleRating]]] = {}
    for rating in assessment.ratings.all():
        section = rating.principle.section
        groups.setdefault(section.pk, (section, []))[1].append(rating)
    ordered = sorted(groups.values(), key=lambda group: (group[0].order, group[0].pk))
    for _section, ratings in ordered:
        ratings.sort(key=lambda rating: (rating.principle.order, rating.principle.number))
    return ordered


def rated_count(assessment: Assessment) -> tuple[int, int]:
    risks = [rating.risk for rating in assessment.ratings.all()]
    return sum(1 for risk in risks if risk), len(risks)
