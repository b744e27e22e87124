from django.db.models import Count, Min, Prefetch, QuerySet, Subquery
from django.db.models.functions import ExtractYear
from django.utils import timezone

from center.core.i18n import with_translations

from .models import FeaturedWhitepapers, Topic, Whitepaper, WhitepaperAuthor


def _authorships() -> QuerySet:
    return with_translations(WhitepaperAuthor.objects.all(), "person", own=False)


def for_display(queryset: QuerySet) -> QuerySet:
    """Prefetch everything a card or a page shows, so queries do not grow with the rows."""
    return with_translations(queryset).prefetch_related(
        Prefetch("topics", queryset=with_translations(Topic.objects.all())),
        Prefetch("authorships", queryset=_authorships()),
    )


def visible_whitepapers(*, topic: str | None = None, year: int | None = None) -> QuerySet:
    papers = Whitepaper.objects.published()
    if topic:
        papers = papers.filter(topics__slug=topic)
    if year is not None:
        papers = papers.filter(publication_date__year=year)
    return for_display(papers.order_by("-publication_date", "-pk"))


def topics_in_use() -> list[Topic]:
    """Topics of published papers, for the list's filter (an empty topic is no choice)."""
    return list(with_translations(
        Topic.objects.filter(whitepapers__in=Whitepaper.objects.published()).distinct()))


def publication_year_counts() -> dict[int, int]:
    """{year: number of visible papers}, newest first: the list's year filter and, unless
    a topic is chosen, its page count, in one query."""
    years = (Whitepaper.objects.published().annotate(year=ExtractYear("publication_date"))
             .values("year").annotate(count=Count("pk")).order_by("-year"))
    return {row["year"]: row["count"] for row in years}


def whitepaper_for_visitor(*, slug: str, can_preview: bool) -> Whitepaper | None:
    papers = Whitepaper.objects.all() if can_preview else Whitepaper.objects.published()
    return for_display(papers.filter(slug=slug).select_related("pdf")).first()


def whitepapers_for_person(person) -> list[Whitepaper]:
    """Published papers the person is an author of, newest first."""
    return list(visible_whitepapers().filter(authorships__person=person).distinct())


def other_whitepapers(*, whitepaper: Whitepaper, count: int) -> list[Whitepaper]:
    """The newest other papers, for a paper's side column: titles and dates, one read."""
    return list(with_translations(Whitepaper.objects.published().exclude(pk=whitepaper.pk)
                                  .order_by("-publication_date", "-pk"))[:count])


def featured_whitepapers(*, plugin: FeaturedWhitepapers) -> list[Whitepaper]:
    """Cards without topics (a compact list), and each paper carries next_scheduled_release()
    as `next_release`, a column of the same read: the plugin's expiry costs no query of its
    own, so the home page keeps its query budget."""
    papers = with_translations(Whitepaper.objects.published().filter(featured_in=plugin))
    return list(papers.prefetch_related(Prefetch("authorships", queryset=_authorships()))
                .order_by("-publication_date", "-pk").annotate(next_release=Subquery(
                    _scheduled().order_by("published_at").values("published_at")[:1])))


def featured_drafts(*, plugin: FeaturedWhitepapers) -> list[Whitepaper]:
    """The plugin's papers visitors cannot see (yet): staff are told they are hidden."""
    visible = Whitepaper.objects.published().values("pk")
    return list(Whitepaper.objects.filter(featured_in=plugin).exclude(pk__in=visible)
                .prefetch_related("translations"))


def _scheduled() -> QuerySet:
    return Whitepaper.objects.filter(
        status=Whitepaper.Status.PUBLISHED, published_at__gt=timezone.now())


def next_scheduled_release():
    """When the next scheduled whitepaper becomes visible (lists and cards change then)."""
    return _scheduled().aggregate(first=Min("published_at"))["first"]
