"""A draft campaign made from what is published: the latest news, the upcoming events and
the newest whitepapers, each a linked title. Staff edit it before sending."""

from django.contrib.auth.base_user import AbstractBaseUser
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext

from center.events import selectors as event_selectors
from center.events.links import event_url
from center.news import selectors as news_selectors
from center.news.links import story_url
from center.publications import selectors as paper_selectors
from center.publications.links import whitepaper_url

from . import links
from .content import html_sanitize
from .models import Campaign, Language

PER_SECTION = 3


def _section(heading: str, items: list[tuple[str, str]]) -> str:
    items = [(title, links.absolute(url)) for title, url in items if url]
    if not items:
        return ""
    return format_html("<h2>{}</h2><ul>{}</ul>", heading, format_html_join(
        "", '<li><a href="{1}">{0}</a></li>', items))


def latest_content_html(*, language: str) -> str:
    with translation.override(language):
        stories = news_selectors.stories_in_language(language=language)[:PER_SECTION]
        events = event_selectors.next_upcoming_events(count=PER_SECTION)
        papers = paper_selectors.visible_whitepapers()[:PER_SECTION]
        return "".join([
            _section(gettext("Latest news"),
                     [(story.title, story_url(story, language)) for story in stories]),
            _section(gettext("Upcoming events"),
                     [(str(event), event_url(event, language)) for event in events]),
            _section(gettext("New whitepapers"),
                     [(str(paper), whitepaper_url(paper, language)) for paper in papers]),
        ])


def campaign_create_from_latest(*, language: str, user: AbstractBaseUser | None) -> Campaign:
    language = language if language in Language.values else Language.ENGLISH
    with translation.override(language):
        subject = gettext("News from the Center, %(month)s") % {
            "month": timezone.localdate().strftime("%Y-%m")}
    return Campaign.objects.create(
        subject=subject, language=language, created_by=user,
        body_html=html_sanitize(latest_content_html(language=language)))
