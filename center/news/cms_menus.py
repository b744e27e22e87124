"""Loaded by django CMS after djangocms-stories' own cms_menus (INSTALLED_APPS order).

The package registers a category menu for the News apphook. Any attachable menu costs a
database query on every page of the site, and our News page has its own category filter,
so the menu is taken out again and the apphook attaches none."""

from djangocms_stories.cms_apps import StoriesApp
from menus.menu_pool import menu_pool

menu_pool.menus.pop("PostCategoryMenu", None)
StoriesApp._menus = []
