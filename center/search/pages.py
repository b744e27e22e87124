"""CMS pages for site search: each published page version, its title and the text of its
text plugins."""

from cms.models import PageContent
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site
from djangocms_text.models import Text

from .text import plain_text

KIND = "page"
WATCH_MODELS = []
VERSIONED_MODELS = [PageContent]


def searchable_objects():
    return PageContent.objects.filter(page__site=Site.objects.get_current(),
                                      page__login_required=False).select_related("page")


def documents_for(content: PageContent) -> list[dict]:
    content_type = ContentType.objects.get_for_model(PageContent)
    texts = Text.objects.filter(placeholder__content_type=content_type,
                                placeholder__object_id=content.pk).order_by(
                                    "placeholder__slot", "position")
    body = " ".join(plain_text(text.body) for text in texts)
    return [{"language": content.language, "title": content.page_title or content.title,
             "body": body, "url": content.get_absolute_url()}]
