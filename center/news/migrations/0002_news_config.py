"""The "news" StoriesConfig the News page's apphook needs, with the package's defaults
except: permalinks are just the slug, posts do not appear in the page menu, body text is
one rich-text field (not a placeholder)."""

from django.db import migrations

NAMESPACE = "news"
TITLES = {
    "en": ("News", "News story"),
    "zh-hans": ("新闻", "新闻报道"),
}


def create_config(apps, schema_editor):
    from djangocms_stories.cms_appconfig import config_defaults

    StoriesConfig = apps.get_model("djangocms_stories", "StoriesConfig")
    Translation = apps.get_model("djangocms_stories", "StoriesConfigTranslation")
    if StoriesConfig.objects.filter(namespace=NAMESPACE).exists():
        return
    values = {
        **config_defaults,
        "url_patterns": "slug",
        "menu_structure": "none",
        "use_placeholder": False,
        "set_author": True,
        "paginate_by": 10,
        "object_type": "Article",
        "og_type": "Article",
        "gplus_type": "NewsArticle",
    }
    config = StoriesConfig.objects.create(
        namespace=NAMESPACE, type="djangocms_stories.cms_appconfig.StoriesConfig", **values
    )
    for language, (app_title, object_name) in TITLES.items():
        Translation.objects.create(
            master_id=config.pk, language_code=language, app_title=app_title, object_name=object_name
        )


def remove_config(apps, schema_editor):
    apps.get_model("djangocms_stories", "StoriesConfig").objects.filter(namespace=NAMESPACE).delete()


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(create_config, remove_config)]
