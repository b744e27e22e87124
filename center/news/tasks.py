from celery import shared_task
from djangocms_stories.models import Post

from .services import story_hero_refresh


@shared_task(name="news.refresh_story_hero")
def refresh_story_hero(post_id: int) -> str:
    post = Post.objects.select_related("main_image").filter(pk=post_id).first()
    if post is None:
        return "gone"  # deleted before the worker got to it
    story_hero_refresh(post=post)
    return "ok"
