"""News stories through djangocms-stories' own API: a Post, one PostContent per language,
each published through djangocms-versioning as an editor would."""

from datetime import timedelta
from io import BytesIO

from django.contrib.auth import get_user_model
from django.core.files import File
from django.utils import timezone
from djangocms_stories.models import Post, PostCategory, PostContent, StoriesConfig
from djangocms_versioning.models import Version
from filer.models import Image as FilerImage
from PIL import Image


def editor():
    user, _ = get_user_model().objects.get_or_create(
        username="news-editor", defaults={"is_staff": True, "is_superuser": True,
                                          "first_name": "Nora", "last_name": "Editor"})
    return user


def picture(name="picture.png", size=(1200, 800), color=(20, 120, 140)) -> FilerImage:
    buffer = BytesIO()
    Image.new("RGB", size, color).save(buffer, "PNG")
    buffer.seek(0)
    return FilerImage.objects.create(owner=editor(), original_filename=name,
                                     default_caption="A caption", default_alt_text="An alt text",
                                     file=File(buffer, name=name))


def category(slug, name=None, zh_name=None) -> PostCategory:
    config = StoriesConfig.objects.get(namespace="news")
    item = PostCategory(app_config=config)
    item.set_current_language("en")
    item.name, item.slug = name or slug.title(), slug
    if zh_name:
        item.set_current_language("zh-hans")
        item.name, item.slug = zh_name, slug
    item.save()
    return item


def story(title="A story", *, slug=None, languages=("en",), days_ago=1, publish=True,
          categories=(), tags=(), image=None, abstract="<p>What happened.</p>") -> Post:
    config = StoriesConfig.objects.get(namespace="news")
    user = editor()
    post = Post.objects.create(app_config=config, author=user,
                               date_published=timezone.now() - timedelta(days=days_ago),
                               main_image=image)
    post.categories.set(categories)
    if tags:
        post.tags.add(*tags)
    for language in languages:
        content = PostContent.objects.with_user(user).create(
            post=post, language=language, slug=slug or title.lower().replace(" ", "-"),
            title=title if language == "en" else f"{title} (中文)", abstract=abstract,
            post_text="<p>The body.</p>",
        )
        if publish:
            Version.objects.get_for_content(content).publish(user)
    return post
