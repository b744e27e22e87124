"""One build of django CMS's menu per request.

django CMS keeps built menus in the Django cache; on a miss (a cold or unshared cache, or
none at all) every `show_menu`, `show_breadcrumb` and `language_chooser` on a page builds
the whole menu again from the database. Here the first build is kept on the request and
each later use gets a fresh copy of it (the tags mark and cut the nodes they are given,
as they would a copy from the cache). Nothing outlives the request, so a menu can never be
stale: the CMS's own cache and its invalidation work exactly as before. The page tree
itself is read in one query instead of two (PageTreeMenu).
"""

import pickle

from cms.cms_menus import CMSMenu, get_visible_page_contents
from cms.models import PageContent, PageUrl
from cms.toolbar.utils import get_toolbar_from_request
from cms.utils.conf import get_cms_setting
from django.core.cache import caches
from django.core.cache.backends.dummy import DummyCache
from django.db.models import OuterRef, Subquery
from django.utils.functional import cached_property
from menus.menu_pool import MenuRenderer, menu_pool


class PageTreeMenu(CMSMenu):
    """django CMS's page menu, with each page's address read in the same query as its
    title (CMSMenu reads the addresses in a second query). Editors' menus are CMSMenu's."""

    def get_nodes(self, request):
        toolbar = get_toolbar_from_request(request)
        if toolbar.edit_mode_active or toolbar.preview_mode_active:
            return super().get_nodes(request)
        urls = PageUrl.objects.filter(page_id=OuterRef("page_id"), language=OuterRef("language"))
        page_contents = (
            PageContent.objects.filter(language__in=self.languages, page__site=self.renderer.site)
            .order_by("page__path")
            .select_related("page")
            .only("page_id", "language", "menu_title", "title", "limit_visibility_in_menu",
                  "soft_root", "in_navigation", "redirect", "page__site_id", "page__parent_id",
                  "page__path", "page__is_home", "page__login_required", "page__reverse_id",
                  "page__navigation_extenders", "page__application_urls")
            .annotate(url_path=Subquery(urls.values("path")[:1]),
                      url_slug=Subquery(urls.values("slug")[:1]))
        )
        page_contents = get_visible_page_contents(request, page_contents, self.renderer.site)
        home = next((content for content in page_contents if content.page.is_home), None)
        cut_homepage = home and not home.in_navigation
        homepage_pk = home.page.pk if home else None
        for content in page_contents:
            content.page.urls_cache = {content.language: PageUrl(
                page_id=content.page_id, language=content.language, path=content.url_path,
                slug=content.url_slug)} if content.url_path is not None else {}
        return [
            self.get_menu_node_for_page_content(
                content, cut=content.page.parent_id == homepage_pk and cut_homepage)
            for content in self.select_lang(page_contents)
        ]


class RequestMenuRenderer(MenuRenderer):
    _built: bytes | None = None

    @cached_property
    def is_cached(self):
        # django CMS records each menu it stores in the cache in the database (CacheKey), so
        # that a change can drop it; the dummy cache (caching off) stores nothing, so there
        # is nothing to look up or record.
        if isinstance(caches[get_cms_setting("MENU_CACHE_BACKEND")], DummyCache):
            return True
        return super().is_cached

    def _build_nodes(self):
        if self._built is None:
            self._built = pickle.dumps(super()._build_nodes(), pickle.HIGHEST_PROTOCOL)
        return pickle.loads(self._built)

    def get_menu(self, menu_name):
        if self.menus[menu_name] is CMSMenu:
            return PageTreeMenu(renderer=self)
        return super().get_menu(menu_name)

    def page_nodes(self):
        """The built nodes, unmarked and uncut, to look pages up in (not to render)."""
        if self._built is None:
            self._build_nodes()
        return pickle.loads(self._built)


def request_menu_renderer(request) -> RequestMenuRenderer:
    renderer = getattr(request, "_request_menu_renderer", None)
    if renderer is None:
        menu_pool.discover_menus()
        renderer = RequestMenuRenderer(pool=menu_pool, request=request)
        request._request_menu_renderer = renderer
    return renderer


def page_node(request, *, reverse_id: str | None = None, page_id: int | None = None):
    """The menu node of a CMS page (by reverse_id or pk) in the request's language, from
    the menu the page builds anyway: a link to a known page costs no query of its own."""
    for node in request_menu_renderer(request).page_nodes():
        attr = node.attr
        if attr.get("is_page") and (
            (reverse_id is not None and attr.get("reverse_id") == reverse_id)
            or (page_id is not None and node.id == page_id)
        ):
            return node
    return None
