"""Demo pages that show the content apps' plugins: the Home page's highlights (upcoming
events, latest news, some speakers) and, beside the inauguration article, a card for the
ceremony. Runs after the apps' demos (the plugins show their content). Safe to run again:
a page whose published version already has plugins in that placeholder is left alone."""

from cms.api import add_plugin
from cms.models import CMSPlugin, Page, PageContent
from django.db import transaction
from djangocms_versioning.constants import PUBLISHED
from djangocms_versioning.models import Version

from center.core.demo.users import demo_user_get_or_create
from center.events.models import Event
from center.people.models import Person

CEREMONY_SLUG = "inauguration-ceremony-2022"
PLUGIN_TYPES = ["UpcomingEventsPlugin", "LatestNewsPlugin", "SpeakerGridPlugin", "EventCardPlugin"]
FEATURED_SPEAKERS = ["wang-yingchun", "tian-feng", "yang-li", "ji-weidong"]
HEADINGS = {
    "en": {"events": "Upcoming events", "news": "Latest news", "speakers": "Speakers",
           "ceremony": "The ceremony"},
    "zh-hans": {"events": "近期活动", "news": "最新动态", "speakers": "演讲嘉宾",
                "ceremony": "成立仪式"},
}


def _published_content(page: Page, language: str) -> PageContent | None:
    for content in PageContent.admin_manager.filter(page=page, language=language):
        if Version.objects.get_for_content(content).state == PUBLISHED:
            return content
    return None


def _add_highlights(placeholder, language: str) -> None:
    headings = HEADINGS[language]
    speakers = list(Person.objects.filter(slug__in=FEATURED_SPEAKERS))
    add_plugin(placeholder, "TextPlugin", language, body=f"<h2>{headings['events']}</h2>")
    add_plugin(placeholder, "UpcomingEventsPlugin", language, number_of_events=3)
    add_plugin(placeholder, "TextPlugin", language, body=f"<h2>{headings['news']}</h2>")
    add_plugin(placeholder, "LatestNewsPlugin", language, count=3)
    add_plugin(placeholder, "TextPlugin", language, body=f"<h2>{headings['speakers']}</h2>")
    grid = add_plugin(placeholder, "SpeakerGridPlugin", language)
    grid.people.set(speakers)


def _add_ceremony_card(placeholder, language: str) -> None:
    event = Event.objects.filter(slug=CEREMONY_SLUG).first()
    if event is not None:
        add_plugin(placeholder, "TextPlugin", language,
                   body=f"<h2>{HEADINGS[language]['ceremony']}</h2>")
        add_plugin(placeholder, "EventCardPlugin", language, event=event)


# reverse_id -> (placeholder slot, what to add there)
SHOWCASES = {
    "home": ("highlights", _add_highlights),
    "responsible-ai": ("sidebar", _add_ceremony_card),
}


def _showcase(page: Page, slot: str, add, user) -> list[str]:
    done = []
    for language in HEADINGS:
        published = _published_content(page, language)
        if published is None:
            continue
        published.rescan_placeholders()
        if CMSPlugin.objects.filter(placeholder__in=published.placeholders.filter(slot=slot),
                                    plugin_type__in=PLUGIN_TYPES).exists():
            continue
        draft = Version.objects.get_for_content(published).copy(user)
        draft.content.rescan_placeholders()
        add(draft.content.placeholders.get(slot=slot), language)
        draft.publish(user)
        done.append(f"{page.reverse_id}:{language}")
    return done


def load_demo_content() -> str:
    done = []
    with transaction.atomic():
        user, _created = demo_user_get_or_create()
        for reverse_id, (slot, add) in SHOWCASES.items():
            page = Page.objects.filter(reverse_id=reverse_id).first()
            if page is not None:
                done += _showcase(page, slot, add, user)
    if not done:
        return "Demo plugin showcases already present: nothing to do."
    return f"Demo plugin showcases added: {', '.join(done)}."
