import logging

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from djangocms_stories.models import Post
from kombu.exceptions import OperationalError

from .services import story_hero_refresh
from .tasks import refresh_story_hero

logger = logging.getLogger(__name__)


def _enqueue_hero_refresh(post_id: int) -> None:
    try:
        refresh_story_hero.delay(post_id)
    except OperationalError:
        # No broker: render here rather than leave the story without its picture.
        logger.warning("Broker unavailable; rendering hero of story %s in-process", post_id)
        post = Post.objects.filter(pk=post_id).first()
        if post is not None:
            story_hero_refresh(post=post)


@receiver(post_save, sender=Post, dispatch_uid="news_hero_refresh")
def story_saved(sender, instance: Post, raw=False, **kwargs):
    if raw:
        return  # loaddata: files may not exist yet
    transaction.on_commit(lambda: _enqueue_hero_refresh(instance.pk))
