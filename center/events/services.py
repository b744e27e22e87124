from datetime import datetime

from django.contrib.admin.models import ADDITION
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from center.core.audit import audit_log
from center.core.slugs import unique_slug

from .models import Event


@transaction.atomic
def event_create(*, language: str, title: str, start: datetime, end: datetime,
                 slug: str = "", summary: str = "",
                 user: AbstractBaseUser | None = None) -> Event:
    """A new draft event written in `language`; without a slug one is made from the title."""
    fallback = f"event-{timezone.localdate(start):%Y-%m-%d}"  # for titles with no Latin letters
    event = Event(slug=slug or unique_slug(Event, title, fallback=fallback), start=start, end=end)
    event.set_current_language(language)
    event.title = title
    event.summary = summary
    event.full_clean()
    event.save()
    audit_log(obj=event, user=user, message="Created as a draft.", action_flag=ADDITION)
    return event


@transaction.atomic
def event_publish(*, event: Event, user: AbstractBaseUser | None) -> Event:
    """Make a draft event visible to visitors. Raises EventStatusError if already public."""
    event.publish()
    event.save(update_fields=["status", "published_at", "updated_at"])
    audit_log(obj=event, user=user, message="Published.")
    return event


@transaction.atomic
def event_unpublish(*, event: Event, user: AbstractBaseUser | None) -> Event:
    """Take an event back to draft; published_at keeps the date it was first published."""
    event.unpublish()
    event.save(update_fields=["status", "updated_at"])
    audit_log(obj=event, user=user, message="Unpublished.")
    return event
