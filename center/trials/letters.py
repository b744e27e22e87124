"""What the applicant is told about the ethics review: the principles that mattered (rated
medium or above, or carrying a condition) and the conditions of use, each with a link to the
principle in the Code version the application was judged against. A read, shared by the
decision email and the status page. The reviewers' rationales are internal: never loaded."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import translation
from django.utils.translation import pgettext_lazy

from . import links
from .models import Assessment, Condition, PrincipleRating, Risk, TrialApplication
from .models.assessment import RISKS_THAT_MATTER

# The level as the letter words it ("high risk"): a word the applicant may know, no more.
RISK_IN_LETTER = {
    Risk.NONE: pgettext_lazy("decision letter", "No risk"),
    Risk.LOW: pgettext_lazy("decision letter", "Low risk"),
    Risk.MEDIUM: pgettext_lazy("decision letter", "Medium risk"),
    Risk.HIGH: pgettext_lazy("decision letter", "High risk"),
    Risk.UNACCEPTABLE: pgettext_lazy("decision letter", "Unacceptable risk"),
}


@dataclass(frozen=True)
class CitedPrinciple:
    number: int
    title: str
    permalink: str
    risk: str = ""  # blank when it is cited only for a condition
    risk_label: str = ""


@dataclass(frozen=True)
class CitedCondition:
    text: str
    principle: CitedPrinciple


@dataclass(frozen=True)
class DecisionLetter:
    version_label: str
    principles: list[CitedPrinciple] = field(default_factory=list)
    conditions: list[CitedCondition] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.principles or self.conditions)


def _with_principle(queryset):
    return queryset.select_related("principle").prefetch_related("principle__translations")


def _assessment(application: TrialApplication) -> Assessment | None:
    # Constant queries however many principles: ratings and conditions come with their
    # principles and the principles' translations, in one query each.
    ratings = _with_principle(PrincipleRating.objects.defer("rationale"))
    return (Assessment.objects.filter(application=application)
            .select_related("code_version")
            .prefetch_related(Prefetch("ratings", queryset=ratings),
                              Prefetch("conditions", queryset=_with_principle(
                                  Condition.objects.all())))
            .first())


def _risk_label(rating, language: str) -> str:
    if rating is None or not rating.risk:
        return ""
    with translation.override(language):
        return str(RISK_IN_LETTER[rating.risk])


def decision_letter(application: TrialApplication, language: str, *,
                    absolute_links: bool = True) -> DecisionLetter | None:
    """None when the application was never assessed (decided before the ethics review).
    Absolute links for the email; site paths for the status page (absolute_links=False)."""
    assessment = _assessment(application)
    if assessment is None:
        return None
    version = assessment.code_version
    # Once: it may read the database.
    version_url = links.code_version_url(version, language, absolute_link=absolute_links)
    cited: dict[int, CitedPrinciple] = {}

    def cite(principle, rating=None) -> CitedPrinciple:
        title = principle.safe_translation_getter("title", language_code=language,
                                                  any_language=True) or ""
        return CitedPrinciple(
            number=principle.number, title=title,
            permalink=f"{version_url}#{principle.anchor}" if version_url else "",
            risk=rating.risk if rating else "",
            risk_label=_risk_label(rating, language))

    conditions = list(assessment.conditions.all())
    with_conditions = {condition.principle_id for condition in conditions}
    for rating in assessment.ratings.all():  # in the Code's order
        if rating.risk in RISKS_THAT_MATTER or rating.principle_id in with_conditions:
            cited[rating.principle_id] = cite(rating.principle, rating)
    return DecisionLetter(
        version_label=version.label,
        principles=list(cited.values()),
        conditions=[CitedCondition(text=condition.text,
                                   principle=cited.get(condition.principle_id)
                                   or cite(condition.principle))
                    for condition in conditions])
