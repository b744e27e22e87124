"""News pages are django CMS Stories' own apphook, with the app config whose namespace is
"news" (made by a migration): say which demo page it is attached to, like the other apps."""

from djangocms_stories.cms_apps import StoriesApp

StoriesApp.demo_page_reverse_id = "news"
StoriesApp.demo_page_namespace = "news"
