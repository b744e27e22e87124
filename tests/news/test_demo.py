import pytest
from django.core.management import call_command
from djangocms_stories.models import PostContent

SLUG = "university-enterprise-cooperation-ai-ethics-research"


@pytest.mark.django_db
def test_demo_has_the_inauguration_story_in_both_languages_with_its_picture(client):
    call_command("load_demo", verbosity=0)
    contents = {c.language: c for c in PostContent.objects.filter(slug=SLUG).select_related("post")}
    assert set(contents) == {"en", "zh-hans"}
    post = contents["en"].post
    assert post.date_published.date().isoformat() == "2022-03-26"
    assert post.main_image.default_caption == "Inauguration Ceremony"
    assert "商汤科技" in contents["zh-hans"].title

    english = client.get(f"/en/news/{SLUG}/").content.decode()
    assert "<figcaption>Inauguration Ceremony</figcaption>" in english
    assert "Recommended reading" in english
    chinese = client.get(f"/zh-hans/news/{SLUG}/").content.decode()
    assert contents["zh-hans"].title in chinese and "推荐阅读" in chinese


@pytest.mark.django_db
def test_loading_the_demo_twice_creates_no_second_copy():
    call_command("load_demo", verbosity=0)
    count = PostContent.admin_manager.count()
    call_command("load_demo", verbosity=0)
    assert PostContent.admin_manager.count() == count
