from django.contrib import admin
from djangocms_stories.admin import CategoryAdmin, PostAdmin
from djangocms_stories.models import Post, PostCategory

from center.core.admin import CheckedImagesAdmin

# djangocms_stories' own admins, whose main-image fields also refuse what cannot be shown
# (the story's hero is rendered from it).


class StoryAdmin(CheckedImagesAdmin, PostAdmin):
    alt_text_fields = ("main_image",)  # the story's page shows it with the image's alt text


class StoryCategoryAdmin(CheckedImagesAdmin, CategoryAdmin):
    pass


for model, model_admin in ((Post, StoryAdmin), (PostCategory, StoryCategoryAdmin)):
    admin.site.unregister(model)
    admin.site.register(model, model_admin)
