"""OpenGraph and Twitter share tags. base.html emits them for every page; a page with its
own title, description, picture or type (a story, an event, a whitepaper) overrides
{% block share_tags %} and passes those values, so no page carries two sets."""

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.encoding import escape_uri_path
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext

from center.core.links import absolute

register = template.Library()

OG_LOCALES = {"en": "en_US", "zh-hans": "zh_CN"}
SHARE_IMAGE = "core/img/share.png"
# A page of one of these apps (its list or an item without a picture of its own) shares the
# picture of its type, drawn by tools/brand_images.py; the others share SHARE_IMAGE.
SHARE_IMAGES_BY_APP = {
    "djangocms_stories": "core/img/share-news.png",
    "events": "core/img/share-event.png",
    "people": "core/img/share-speaker.png",
    "publications": "core/img/share-whitepaper.png",
    "ethics": "core/img/share-code.png",
}
SHARE_IMAGE_SIZE = (1200, 630)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # Template output is already escaped; keep it safe so it is not escaped twice.
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}...{% endcapture %}: renders the body into a variable. base.html
    wraps {% block title %} in it, so the share title follows every page's own title.
    Blocks inside still take part in inheritance (Django finds them through "nodelist")."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


def _brand_image(request) -> str:
    match = getattr(request, "resolver_match", None)
    for app_name in (match.app_names if match else []):
        if app_name in SHARE_IMAGES_BY_APP:
            return SHARE_IMAGES_BY_APP[app_name]
    return SHARE_IMAGE


def _image(image, request) -> tuple[str, int | None, int | None]:
    """(absolute URL, width, height) of a share picture: a path, a full URL, a rendition set
    (center.core.images: its largest JPEG) or nothing (the share picture of the page's type,
    else the site's)."""
    if isinstance(image, dict):
        jpegs = image.get("jpeg") or []
        if jpegs and image.get("width"):
            largest = jpegs[-1]
            return (absolute(largest["url"]), largest["width"],
                    round(largest["width"] * image["height"] / image["width"]))
        image = ""
    if image:
        return absolute(str(image)), None, None
    return absolute(static(_brand_image(request))), *SHARE_IMAGE_SIZE


@register.simple_tag(takes_context=True)
def share_tags(context, title="", description="", image="", type="website", published=None,
               modified=None, fallback_title=""):
    """og:* and twitter:* tags. Without a title: the site's name on the home page ("Home"
    says nothing in a feed), else fallback_title (base.html passes the page's <title>).
    Without a description: the CMS page's. og:url is this address under the Site's domain,
    as the sitemap lists it. See _image for the picture."""
    request = context["request"]
    language = get_language()
    site_name = gettext(settings.SITE_NAME)
    page = getattr(request, "current_page", None)
    if not title:
        title = site_name if page and page.is_home else (fallback_title or site_name)
    if not description:
        description = (page.get_meta_description(language) if page else "") or site_name
    image_url, width, height = _image(image, request)
    properties = [
        ("og:type", type.lower()),
        ("og:title", title),
        ("og:description", description),
        ("og:url", absolute(escape_uri_path(request.path))),
        ("og:site_name", site_name),
        ("og:locale", OG_LOCALES.get(language, language.replace("-", "_"))),
        ("og:image", image_url),
    ]
    if width:
        properties += [("og:image:width", width), ("og:image:height", height)]
    if image_url == absolute(static(_brand_image(request))):
        properties.append(("og:image:alt", site_name))  # the picture shows the name
    if published:
        properties.append(("article:published_time", published.isoformat()))
    if modified:
        properties.append(("article:modified_time", modified.isoformat()))
    names = [
        ("twitter:card", "summary_large_image"),
        ("twitter:title", title),
        ("twitter:description", description),
        ("twitter:image", image_url),
    ]
    return SafeString("\n  ".join([
        format_html_join("\n  ", '<meta property="{}" content="{}">', properties),
        format_html_join("\n  ", '<meta name="{}" content="{}">', names),
    ]))
