"""Demo pages that show the content apps' plugins: the Home page's featured story (the
inauguration, with its picture) and bands (latest publications, upcoming events, latest
news) and, beside the inauguration article, a card for the ceremony. Runs after the apps'
demos (the plugins show their content). Safe to run again: a page whose published version
already has plugins in that placeholder is left alone."""

from cms.api import add_plugin
from cms.models import CMSPlugin, Page, PageContent
from django.db import transaction
from djangocms_stories.models import PostContent
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from center.core.demo.users import demo_user_get_or_create
from center.events.models import Event
from center.news.demo import INAUGURATION
from center.publications.models import Whitepaper

CEREMONY_SLUG = "inauguration-ceremony-2022"
PLUGIN_TYPES = ["UpcomingEventsPlugin", "LatestNewsPlugin", "FeaturedWhitepapersPlugin",
                "EventCardPlugin", "FeaturedStoryPlugin"]
HEADINGS = {
    "en": {"events": "Upcoming events", "news": "Latest news", "ceremony": "The ceremony"},
    "zh-hans": {"events": "近期活动", "news": "最新动态", "ceremony": "成立仪式"},
}


def _published_content(page: Page, language: str) -> PageContent | None:
    for content in PageContent.admin_manager.filter(page=page, language=language):
        if Version.objects.get_for_content(content).state == PUBLISHED:
            return content
    return None


def _add_events(placeholder, language: str) -> None:
    add_plugin(placeholder, "TextPlugin", language, body=f"<h2>{HEADINGS[language]['events']}</h2>")
    add_plugin(placeholder, "UpcomingEventsPlugin", language, number_of_events=3)


def _add_news(placeholder, language: str) -> None:
    add_plugin(placeholder, "TextPlugin", language, body=f"<h2>{HEADINGS[language]['news']}</h2>")
    add_plugin(placeholder, "LatestNewsPlugin", language, count=3)


def _add_publications(placeholder, language: str) -> None:
    # Below the band's heading and introduction, which the page's demo text puts there.
    papers = add_plugin(placeholder, "FeaturedWhitepapersPlugin", language)
    papers.whitepapers.set(Whitepaper.objects.order_by("-publication_date")[:3])


def _add_featured_story(placeholder, language: str) -> None:
    # The inauguration story, with its picture, in place of a text-only teaser.
    story = PostContent.admin_manager.filter(slug=INAUGURATION["slug"]).first()
    if story is not None:
        placeholder.clear(language)
        add_plugin(placeholder, "FeaturedStoryPlugin", language, post=story.post)


def _add_ceremony_card(placeholder, language: str) -> None:
    event = Event.objects.filter(slug=CEREMONY_SLUG).first()
    if event is not None:
        add_plugin(placeholder, "TextPlugin", language,
                   body=f"<h2>{HEADINGS[language]['ceremony']}</h2>")
        add_plugin(placeholder, "EventCardPlugin", language, event=event)


# reverse_id -> (placeholder slot, what to add there)
SHOWCASES = {
    "home": [("featured", _add_featured_story), ("publications", _add_publications),
             ("events", _add_events), ("news", _add_news)],
    "responsible-ai": [("sidebar", _add_ceremony_card)],
}


def _showcase(page: Page, slots: list, user) -> list[str]:
    done = []
    for language in HEADINGS:
        published = _published_content(page, language)
        if published is None:
            continue
        published.rescan_placeholders()
        missing = [(slot, add) for slot, add in slots if not CMSPlugin.objects.filter(
            placeholder__in=published.placeholders.filter(slot=slot),
            plugin_type__in=PLUGIN_TYPES).exists()]
        if not missing:
            continue
        draft = Version.objects.get_for_content(published).copy(user)
        draft.content.rescan_placeholders()
        for slot, add in missing:
            add(draft.content.placeholders.get(slot=slot), language)
        draft.publish(user)
        done.append(f"{page.reverse_id}:{language}")
    return done


def load_demo_content() -> str:
    done = []
    with transaction.atomic():
        user, _created = demo_user_get_or_create()
        for reverse_id, slots in SHOWCASES.items():
            page = Page.objects.filter(reverse_id=reverse_id).first()
            if page is not None:
                done += _showcase(page, slots, user)
    if not done:
        return "Demo plugin showcases already present: nothing to do."
    return f"Demo plugin showcases added: {', '.join(done)}."
