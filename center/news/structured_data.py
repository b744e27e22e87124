"""schema.org NewsArticle markup for search engines (JSON-LD)."""

from django.conf import settings
from django.utils.html import strip_tags
from djangocms_stories.models import PostContent


def story_json_ld(story: PostContent, *, url: str, site_url: str, image_url: str = "") -> dict:
    post = story.post
    published = post.date_published or post.date_created
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title[:110],
        "description": strip_tags(story.abstract).strip(),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": story.language,
        "datePublished": published.isoformat(),
        "dateModified": post.date_modified.isoformat(),
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME, "url": site_url},
    }
    if image_url:
        data["image"] = [image_url]
    if post.author_id and (name := post.author.get_full_name()):
        data["author"] = [{"@type": "Person", "name": name}]
    else:
        data["author"] = [{"@type": "Organization", "name": settings.SITE_NAME}]
    return data
