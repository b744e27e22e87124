from cms.models import CMSPlugin
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from djangocms_stories.models import Post


class StoryHero(models.Model):
    """The story's main image as ready-made responsive renditions (see services), so list
    and detail pages never resize pictures while a visitor waits."""

    post = models.OneToOneField(Post, on_delete=models.CASCADE, related_name="hero")
    source_image_id = models.PositiveIntegerField(null=True, blank=True)
    renditions = models.JSONField(default=dict, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("story hero image")
        verbose_name_plural = _("story hero images")

    def __str__(self):
        return f"Hero of story {self.post_id}"


class LatestNewsPluginModel(CMSPlugin):
    """"Latest news" on any page: the newest published stories in the page's language."""

    count = models.PositiveSmallIntegerField(
        _("number of stories"), default=3, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )

    def __str__(self):
        return str(self.count)


class FeaturedStoryPluginModel(CMSPlugin):
    """"Featured story": one story an editor picked, as a card with its picture."""

    # SET_NULL: deleting the story leaves an empty plugin (it renders nothing), not a gap
    # in the page's plugin tree.
    post = models.ForeignKey(Post, on_delete=models.SET_NULL, null=True,
                             related_name="+", verbose_name=_("story"))

    def __str__(self):
        return str(self.post or "")
