from django.contrib.admin.models import ADDITION
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction

from center.core.audit import audit_log
from center.core.images import delete_stale_files, write_renditions_or_none
from center.core.slugs import unique_slug

from .models import Person

PORTRAIT_WIDTHS = (160, 320, 640)
PORTRAIT_DISPLAY_WIDTH = 320  # the img element's width/height attributes


@transaction.atomic
def person_create(*, language: str, name: str, slug: str = "", short_bio: str = "",
                  user: AbstractBaseUser | None = None) -> Person:
    """A new person written in `language`; without a slug one is made from the name."""
    person = Person(slug=slug or unique_slug(Person, name, fallback="speaker"))
    person.set_current_language(language)
    person.name = name
    person.short_bio = short_bio
    person.full_clean()
    person.save()
    audit_log(obj=person, user=user, message="Created.", action_flag=ADDITION)
    return person


def _portrait_folder(person: Person) -> str:
    return f"people/portraits/{person.pk}/"


def person_portrait_renditions_refresh(*, person: Person) -> dict:
    """Writes square WebP and JPEG copies of the portrait at each width and records their
    URLs on the person. Run when the portrait changes, never while serving a page. A portrait
    that is missing or cannot be read gets none: pages then show the person's initials."""
    folder = _portrait_folder(person)
    renditions: dict = {}
    if person.portrait_id:
        try:
            with person.portrait.file.open("rb") as source:
                data = source.read()
        except (FileNotFoundError, ValueError):
            data = b""
        renditions = write_renditions_or_none(
            data=data, folder=folder, what=f"The portrait of person {person.pk}",
            widths=PORTRAIT_WIDTHS, aspect=(1, 1), display_width=PORTRAIT_DISPLAY_WIDTH,
            subject_location=person.portrait.subject_location,
        )
    if not renditions:
        delete_stale_files(folder, keep=set())
    person.portrait_renditions = renditions
    person.save(update_fields=["portrait_renditions", "updated_at"])
    return renditions
