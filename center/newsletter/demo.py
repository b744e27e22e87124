"""Demo newsletter content: one draft campaign per language made from the demo's published
news, events and whitepapers, and three confirmed subscribers at example.org (a reserved
domain: nothing sent to them reaches anyone). Safe to run again: found by email/subject."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .digest import latest_content_html
from .models import Campaign, ConsentRecord, Language, Subscriber, Topic

DEMO_ORDER = 70  # after news, events and publications: campaigns are made from them

SUBSCRIBERS = [
    ("reader.en@example.org", Language.ENGLISH),
    ("researcher@example.org", Language.ENGLISH),
    ("duzhe@example.org", Language.CHINESE),
]
CAMPAIGNS = {
    Language.ENGLISH: ("Welcome to the Center's newsletter",
                       "News, events and papers on AI ethics and computational law"),
    Language.CHINESE: ("欢迎订阅中心新闻通讯", "人工智能伦理与计算法学的新闻、活动和论文"),
}


def _subscribers() -> int:
    created = 0
    now = timezone.now()
    for email, language in SUBSCRIBERS:
        subscriber, new = Subscriber.objects.get_or_create(email=email, defaults={
            "language": language, "topics": Topic.values,
            "status": Subscriber.Status.CONFIRMED, "confirmed_at": now})
        if new:
            ConsentRecord.objects.create(
                subscriber=subscriber, action=ConsentRecord.Action.SUBSCRIBE,
                language=language, topics=Topic.values, source="demo",
                privacy_version=settings.NEWSLETTER_PRIVACY_VERSION, confirmed_at=now)
            created += 1
    return created


def _campaigns() -> int:
    created = 0
    for language, (subject, preheader) in CAMPAIGNS.items():
        if Campaign.objects.filter(subject=subject).exists():
            continue
        Campaign.objects.create(subject=subject, preheader=preheader, language=language,
                                body_html=latest_content_html(language=language))
        created += 1
    return created


def load_demo_content() -> str:
    with transaction.atomic():
        subscribers = _subscribers()
        campaigns = _campaigns()
    if not subscribers and not campaigns:
        return "Demo newsletter already present: nothing to do."
    return (f"Demo newsletter: {subscribers} confirmed subscriber(s), "
            f"{campaigns} draft campaign(s) created.")
