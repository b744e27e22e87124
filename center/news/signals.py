from django.db.models.signals import post_save
from django.dispatch import receiver
from djangocms_stories.models import Post, PostContent
from djangocms_versioning.constants import OPERATION_PUBLISH
from djangocms_versioning.signals import post_version_operation

from center.core.redirects import redirect_moved

from .links import story_url
from .services import story_hero_refresh_later


@receiver(post_save, sender=Post, dispatch_uid="news_hero_refresh")
def story_saved(sender, instance: Post, raw=False, **kwargs):
    if raw:
        return  # loaddata: files may not exist yet
    story_hero_refresh_later(post=instance)


@receiver(post_version_operation, sender=PostContent, dispatch_uid="news_slug_redirect")
def story_published(sender, operation, obj, unpublished=(), **kwargs):
    """A new version published under another slug: the old address answers 301, so shared
    links and feed readers keep working."""
    if operation != OPERATION_PUBLISH:
        return
    new = obj.content
    for old_version in unpublished:
        old = old_version.content
        if old.slug != new.slug:
            redirect_moved(old_url=story_url(old, old.language),
                           new_url=story_url(new, new.language))
