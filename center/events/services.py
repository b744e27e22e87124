from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from .models import Event


def _audit(*, event: Event, user: AbstractBaseUser | None, message: str) -> None:
    # The admin history is where editors already look for who changed what.
    if user is None or not user.pk:
        return
    LogEntry.objects.log_actions(user.pk, [event], CHANGE, change_message=message,
                                 single_object=True)


@transaction.atomic
def event_publish(*, event: Event, user: AbstractBaseUser | None) -> Event:
    """Make a draft event visible to visitors. Raises EventStatusError if already public."""
    event.publish()
    event.save(update_fields=["status", "published_at", "updated_at"])
    _audit(event=event, user=user, message="Published.")
    return event


@transaction.atomic
def event_unpublish(*, event: Event, user: AbstractBaseUser | None) -> Event:
    """Take an event back to draft; published_at keeps the date it was first published."""
    event.unpublish()
    event.save(update_fields=["status", "updated_at"])
    _audit(event=event, user=user, message="Unpublished.")
    return event
