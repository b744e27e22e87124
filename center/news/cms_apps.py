"""News pages are django CMS Stories' own apphook, with the app config whose namespace is
"news" (made by a migration): say which demo page it is attached to, like the other apps."""

import os

from djangocms_stories.cms_apps import StoriesApp
from djangocms_stories.views import PostListView

StoriesApp.demo_page_reverse_id = "news"
StoriesApp.demo_page_namespace = "news"

_stories_root_template = StoriesApp.get_root_template


def _root_template(self, page=None, **kwargs):
    """The package's, without reading the page's app config again when the news view has
    already read it this request and kept it on the page (views.PageConfigMixin)."""
    config = getattr(page, "_stories_config", None)
    if config is None:
        return _stories_root_template(self, page=page, **kwargs)
    return os.path.join(config.template_prefix or "djangocms_stories",
                        PostListView.base_template_name)


StoriesApp.get_root_template = _root_template
