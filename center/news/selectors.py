"""Reads for the news pages. Visitors only ever see published story versions
(djangocms-versioning's default manager) whose publication window includes now."""

import re

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from djangocms_stories.models import Post, PostCategory, PostContent
from taggit.models import Tag

from center.core.i18n import with_translations
from center.core.page_cache import earliest

NAMESPACE = "news"
ORDER = ("-post__date_published", "-post__date_created")  # newest first
SLUG = re.compile(r"[-\w]+")


def _other_languages(language: str) -> list[str]:
    return [code for code, _name in settings.LANGUAGES if code != language]


def published_stories() -> QuerySet:
    """Every published story version, in any language, inside its publication window."""
    moment = timezone.now()
    return PostContent.objects.filter(
        Q(post__date_published__isnull=True) | Q(post__date_published__lte=moment),
        Q(post__date_published_end__isnull=True) | Q(post__date_published_end__gt=moment),
        post__app_config__namespace=NAMESPACE,
    )


def _publication_bounds() -> dict[str, Subquery]:
    """When a story next enters, and next leaves, its publication window by time alone.
    Subqueries, so a list's own query can carry them as columns."""
    moment = timezone.now()
    posts = Post.objects.filter(app_config__namespace=NAMESPACE).order_by()
    return {
        "next_published": Subquery(posts.filter(date_published__gt=moment)
                                   .order_by("date_published").values("date_published")[:1]),
        "next_withdrawn": Subquery(posts.filter(date_published_end__gt=moment)
                                   .order_by("date_published_end")
                                   .values("date_published_end")[:1]),
    }


def next_publication_change():
    """When a story next enters or leaves its publication window by time alone (or None)."""
    bounds = _publication_bounds()
    # Any one row carries the bounds; with no story at all there is no change to wait for.
    row = Post.objects.values(**bounds).first()
    return earliest(*row.values()) if row else None


def latest_stories(*, language: str, count: int) -> list[PostContent]:
    """The newest `count` stories of stories_in_language() (the latest-news plugin), each
    also carrying next_publication_change() (`publication_change`), read as columns of the
    same query, so the page's expiry costs no query of its own."""
    bounds = _publication_bounds()
    stories = list(stories_in_language(language=language).annotate(**bounds)[:count])
    for story in stories:
        story.publication_change = earliest(*(getattr(story, name) for name in bounds))
    return stories


NEWEST = 12  # the most stories a "Latest news" plugin shows


def front_stories(*, language: str, featured: int | None = None) -> list[PostContent]:
    """The NEWEST stories of stories_in_language() flagged `is_newest`, plus the story of
    post `featured` (if published), in one query with their categories: the home page's
    featured story and latest news share this read. Each carries `publication_change`,
    as in latest_stories()."""
    bounds = _publication_bounds()
    newest = _in_language(language).order_by(*ORDER).values("pk")[:NEWEST]
    stories = stories_in_language(language=language).annotate(
        is_newest=Q(pk__in=Subquery(newest)), **bounds)
    stories = list(stories.filter(Q(is_newest=True) | Q(post_id=featured or 0)))
    for story in stories:
        story.publication_change = earliest(*(getattr(story, name) for name in bounds))
    return stories


def _for_lists(queryset: QuerySet) -> QuerySet:
    return queryset.select_related(
        "post", "post__app_config", "post__author", "post__hero"
    ).prefetch_related(
        Prefetch("post__categories", queryset=with_translations(PostCategory.objects.all()))
    ).order_by(*ORDER)


def _in_language(language: str) -> QuerySet:
    published = published_stories()
    translated = PostContent.objects.filter(post=OuterRef("post"), language=language)
    return published.alias(has_translation=Exists(translated)).filter(
        Q(language=language) | Q(language__in=_other_languages(language), has_translation=False)
    )


def stories_in_language(*, language: str, category: PostCategory | None = None,
                        tag: Tag | None = None) -> QuerySet:
    """Published stories in `language`, plus stories that exist only in another language
    (shown with a "not yet translated" note rather than hidden)."""
    stories = _in_language(language)
    if category is not None:
        stories = stories.filter(post__categories=category)
    if tag is not None:
        stories = stories.filter(post__tags=tag)
    return _for_lists(stories.distinct())


def story_for_visitor(*, slug: str, language: str) -> PostContent | None:
    """The published story with this slug in `language`; else, for a story not written in
    `language` at all, its version in another language (the page says it is not yet
    translated). A slug the story no longer uses finds nothing: its redirect takes over."""
    published = published_stories().select_related(
        "post", "post__app_config", "post__author", "post__main_image", "post__hero"
    ).prefetch_related(
        Prefetch("post__categories", queryset=with_translations(PostCategory.objects.all())),
        "post__tags",
    )
    story = published.filter(slug=slug, language=language).first()
    if story is None:
        translated = PostContent.objects.filter(post=OuterRef("post"), language=language)
        story = published.filter(slug=slug, language__in=_other_languages(language)).exclude(
            Exists(translated)).first()
    return story


def related_stories(*, story: PostContent, language: str, limit: int = 3) -> list[PostContent]:
    """"Recommended reading": the editor's related posts, published, in the visitor's
    language where available."""
    related_ids = list(story.post.related.values_list("pk", flat=True)[:limit * 2])
    if not related_ids:
        return []
    candidates = stories_in_language(language=language).filter(post_id__in=related_ids)
    by_post = {content.post_id: content for content in candidates}
    return [by_post[pk] for pk in related_ids if pk in by_post][:limit]


def categories_in_use(*, language: str) -> list[PostCategory]:
    return list(with_translations(
        PostCategory.objects.filter(app_config__namespace=NAMESPACE, posts__isnull=False)
        .distinct()))


def tags_in_use() -> list[Tag]:
    return list(Tag.objects.filter(djangocms_stories_tags__app_config__namespace=NAMESPACE)
                .distinct().order_by("name"))


def _plausible_slug(value: str | None) -> bool:
    # Filters come from the address bar: anything that is not a slug matches nothing (and
    # never reaches the database, which refuses e.g. NUL characters).
    return bool(value) and len(value) <= 200 and SLUG.fullmatch(value) is not None


def category_by_slug(slug: str | None, *, language: str) -> PostCategory | None:
    if not _plausible_slug(slug):
        return None
    return PostCategory.objects.filter(
        app_config__namespace=NAMESPACE, translations__slug=slug
    ).first()


def tag_by_slug(slug: str | None) -> Tag | None:
    return Tag.objects.filter(slug=slug).first() if _plausible_slug(slug) else None


def stories_mentioning(*, name: str, language: str, limit: int = 5) -> list[PostContent]:
    """Published stories in `language` whose text names this person (their name as written
    in that language), newest first."""
    if not name:
        return []
    mentions = Q(title__icontains=name) | Q(abstract__icontains=name) | Q(post_text__icontains=name)
    return list(_for_lists(published_stories().filter(mentions, language=language))[:limit])
