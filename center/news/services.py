import hashlib

from djangocms_stories.models import Post

from center.core.images import delete_stale_files, write_renditions_or_none
from center.core.queue import enqueue_on_commit

from .models import StoryHero

HERO_WIDTHS = (480, 960, 1440)
HERO_ASPECT = (16, 9)
HERO_DISPLAY_WIDTH = 960
HERO_REFRESH_TASK = "news.refresh_story_hero"  # center/news/tasks.py


def _hero_folder(post: Post) -> str:
    return f"news/heroes/{post.pk}/"


def story_hero_refresh(*, post: Post) -> StoryHero:
    """Writes 16:9 WebP and JPEG renditions of the story's main image. Skips the work when
    the same picture was already rendered, so saving a story's text costs nothing."""
    hero, _ = StoryHero.objects.get_or_create(post=post)
    image = post.main_image
    if image is None:
        delete_stale_files(_hero_folder(post), keep=set())
        hero.source_image_id, hero.renditions = None, {}
        hero.save()
        return hero
    try:
        with image.file.open("rb") as source:
            data = source.read()
    except (FileNotFoundError, ValueError):
        data = b""  # lost from storage: the story is shown without its picture
    digest = hashlib.sha256(data).hexdigest()[:12]
    if hero.source_image_id == image.pk and hero.renditions.get("digest") == digest:
        return hero
    hero.renditions = write_renditions_or_none(
        data=data, folder=_hero_folder(post), what=f"The main image of story {post.pk}",
        widths=HERO_WIDTHS, aspect=HERO_ASPECT, display_width=HERO_DISPLAY_WIDTH,
        subject_location=image.subject_location,
    )
    if not hero.renditions:
        delete_stale_files(_hero_folder(post), keep=set())
    hero.source_image_id = image.pk
    hero.save()
    return hero


def story_hero_refresh_later(*, post: Post) -> None:
    """Renders the hero in a worker once the story is committed. With no broker it is
    rendered here instead, rather than leave the story without its picture."""
    enqueue_on_commit(HERO_REFRESH_TASK, post.pk, if_broker_down="run_here")
