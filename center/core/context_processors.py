from django.conf import settings
from django.utils.functional import SimpleLazyObject

from center.core.menus import request_menu_renderer


def site(request):
    return {"SITE_NAME": settings.SITE_NAME}


def menu_renderer(request):
    """After cms.context_processors.cms_settings: the menu tags use this renderer, which
    builds the menu once per request (center/core/menus.py)."""
    return {"cms_menu_renderer": SimpleLazyObject(lambda: request_menu_renderer(request))}
