from django import template
from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import get_language, gettext

from center.core.links import absolute
from center.core.structured_data import json_ld_script_body

from .. import links, selectors
from ..structured_data import story_json_ld

register = template.Library()


@register.filter
def story_url(story):
    """The story's address under the visitor's language prefix."""
    return links.story_url(story)


@register.filter
def hero(story):
    """The ready-made renditions of the story's main image, or {} while none exist."""
    try:
        return story.post.hero.renditions
    except ObjectDoesNotExist:
        return {}


@register.filter
def shared_text(value) -> str:
    """A text kept once for all languages (a tag, a picture's caption, the newsroom's
    name), in the visitor's language where the news catalogue has it."""
    text = str(value or "")
    return gettext(text) if text else ""


@register.filter
def category_names(story):
    return [c.safe_translation_getter("name", any_language=True)
            for c in story.post.categories.all()]


@register.simple_tag
def related_stories(story):
    return selectors.related_stories(story=story, language=get_language())


@register.simple_tag
def story_json_ld_script(story):
    renditions = hero(story)
    image = ""
    if renditions.get("jpeg"):
        image = absolute(renditions["jpeg"][-1]["url"])
    data = story_json_ld(story, url=absolute(story_url(story)),
                         site_url=absolute("/"), image_url=image)
    return json_ld_script_body(data)


@register.simple_tag
def person_news(person):
    """{% person_news person as stories %}: the stories that mention this person."""
    language = get_language()
    name = person.safe_translation_getter("name", language_code=language, any_language=True)
    return selectors.stories_mentioning(name=name, language=language)
