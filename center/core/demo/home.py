"""The Home page's highlights: upcoming events, latest news and some speakers, made of the
content apps' plugins. Runs after their demos (the speaker grid needs the people). Safe to
run again: a language whose published Home already has highlights is left alone."""

from cms.api import add_plugin
from cms.models import CMSPlugin, Page, PageContent
from django.db import transaction
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from center.people.models import Person

from .loader import DemoReport, demo_user_get_or_create

SLOT = "highlights"
FEATURED_SPEAKERS = ["wang-yingchun", "tian-feng", "yang-li", "ji-weidong"]
HEADINGS = {
    "en": {"events": "Upcoming events", "news": "Latest news", "speakers": "Speakers"},
    "zh-hans": {"events": "近期活动", "news": "最新动态", "speakers": "演讲嘉宾"},
}


def _published_content(page: Page, language: str) -> PageContent | None:
    for content in PageContent.admin_manager.filter(page=page, language=language):
        if Version.objects.get_for_content(content).state == PUBLISHED:
            return content
    return None


def _add_highlights(content: PageContent, language: str, speakers: list[Person]) -> None:
    content.rescan_placeholders()
    placeholder = content.placeholders.get(slot=SLOT)
    headings = HEADINGS[language]
    add_plugin(placeholder, "TextPlugin", language, body=f"<h2>{headings['events']}</h2>")
    add_plugin(placeholder, "UpcomingEventsPlugin", language, number_of_events=3)
    add_plugin(placeholder, "TextPlugin", language, body=f"<h2>{headings['news']}</h2>")
    add_plugin(placeholder, "LatestNewsPlugin", language, count=3)
    add_plugin(placeholder, "TextPlugin", language, body=f"<h2>{headings['speakers']}</h2>")
    grid = add_plugin(placeholder, "SpeakerGridPlugin", language)
    grid.people.set(speakers)


def load_demo_content() -> str:
    page = Page.objects.filter(reverse_id="home").first()
    if page is None:
        return "Demo home highlights: no Home page."
    done = []
    with transaction.atomic():
        user = demo_user_get_or_create(report=DemoReport())
        speakers = list(Person.objects.filter(slug__in=FEATURED_SPEAKERS))
        for language in HEADINGS:
            published = _published_content(page, language)
            if published is None:
                continue
            published.rescan_placeholders()
            if CMSPlugin.objects.filter(placeholder__in=published.placeholders.filter(slot=SLOT)).exists():
                continue
            draft = Version.objects.get_for_content(published).copy(user)
            _add_highlights(draft.content, language, speakers)
            draft.publish(user)
            done.append(language)
    if not done:
        return "Demo home highlights already present: nothing to do."
    return f"Demo home highlights added in: {', '.join(done)}."
