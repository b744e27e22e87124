"""Fewer of django CMS's own reads per page, installed by CoreConfig.ready().

A page's plugins in one query: django CMS reads the plugins of a page's placeholders in one
query, then each plugin's own row (its text, its settings) in one more query per plugin
model on the page (cms.utils.plugins.downcast_plugins). Here the first query also LEFT
JOINs the table of every plugin model, so the concrete plugins come out of it and no
further read is made; the rest (ghost plugins, the plugin tree, the placeholder cache
flag, default plugins) is django CMS's own logic, unchanged. If a plugin model is not a
direct child of CMSPlugin (nothing here is), django CMS's reads are left as they are.

A page's addresses once: django CMS finds the page by its path, which a page often shares
in every language; it keeps the addresses it found only if the first is in the request's
language, else reads them all again for the page's own address (get_page_from_request).
"""

import logging
from collections import defaultdict

from cms import appresolver
from cms.models import CMSPlugin
from cms.plugin_pool import plugin_pool
from cms.utils import get_current_site, get_language_from_request
from cms.utils import page as cms_page
from cms.utils import plugins as cms_plugins
from cms.utils.i18n import get_language_list
from django.urls import NoReverseMatch, Resolver404, reverse

logger = logging.getLogger(__name__)


def _child_links() -> dict | None:
    """{concrete plugin model: its parent link to CMSPlugin}; None if one has no direct link."""
    links = {}
    for plugin in plugin_pool.get_all_plugins():
        model = plugin.model._meta.concrete_model
        if model is CMSPlugin or model in links:
            continue
        link = model._meta.parents.get(CMSPlugin)
        if link is None:
            return None
        links[model] = link
    return links


def _downcast(rows: list[CMSPlugin], links: dict, placeholders, request) -> list[CMSPlugin]:
    """cms.utils.plugins.downcast_plugins for rows read with their child rows joined."""
    plugin_lookup = {}
    plugin_ids = []
    for row in rows:
        try:
            plugin_class = cms_plugins.get_plugin_class(row.plugin_type)
        except KeyError:
            logger.error("Plugin not installed: %s (pk=%s)", row.plugin_type, row.pk)
            continue
        plugin_ids.append(row.pk)
        model = plugin_class.model._meta.concrete_model
        if model is CMSPlugin:
            instance = row
        else:
            instance = links[model].remote_field.get_cached_value(row, default=None)
            if instance is None:  # no row of its own: skipped, as django CMS does
                continue
        instance.__class__ = plugin_class.model  # proxies included
        plugin_lookup[row.pk] = instance

    placeholders_by_id = {placeholder.pk: placeholder for placeholder in placeholders}
    downcast = []
    for row in rows:
        parent_not_available = not row.parent_id or row.parent_id not in plugin_ids
        valid_parent = parent_not_available or row.parent_id in plugin_lookup
        if valid_parent and row.pk in plugin_lookup:
            instance = plugin_lookup[row.pk]
            if instance.parent_id in plugin_lookup:
                instance._state.fields_cache["parent"] = plugin_lookup[instance.parent_id]
            placeholder = placeholders_by_id.get(instance.placeholder_id)
            if placeholder:
                instance.placeholder = placeholder
                cls = cms_plugins.get_plugin_class(instance.plugin_type)
                if not cls.cache and not cls().get_cache_expiration(request, instance,
                                                                    placeholder):
                    placeholder.cache_placeholder = False
            row._inst = instance
            downcast.append(instance)
    return downcast


def assign_plugins(request, placeholders, template=None, lang=None):
    """cms.utils.plugins.assign_plugins, with the plugins and their own rows in one query."""
    links = _child_links()
    if links is None:
        return _cms_assign_plugins(request, placeholders, template, lang)
    if not placeholders:
        return
    placeholders = tuple(placeholders)
    lang = lang or get_language_from_request(request)
    rows = list(CMSPlugin.objects.filter(placeholder__in=placeholders, language=lang)
                .select_related(*(link.related_query_name() for link in links.values())))
    if rows:
        plugins = _downcast(rows, links, placeholders, request)
    else:
        plugins = cms_plugins.create_default_plugins(request, placeholders, template, lang)

    plugins_by_placeholder = defaultdict(list)
    for plugin in plugins:
        plugins_by_placeholder[plugin.placeholder_id].append(plugin)
    for placeholder in placeholders:
        all_plugins = plugins_by_placeholder[placeholder.pk]
        placeholder._all_plugins_cache = all_plugins
        placeholder._plugins_cache = (
            cms_plugins.get_plugins_as_layered_tree(all_plugins) if all_plugins else [])


_cms_assign_plugins = cms_plugins.assign_plugins


def get_page_from_request(request, use_path=None, clean_path=None):
    """cms.utils.page.get_page_from_request, keeping the addresses it found when one of the
    page's is in the request's language, whichever comes first."""
    from cms.models import PageUrl

    if hasattr(request, "_current_page_cache"):
        return request._current_page_cache
    if clean_path is None:
        clean_path = not bool(use_path)
    path = request.path_info if use_path is None else use_path
    if clean_path:
        try:
            pages_root = reverse("pages-root")
            if path.startswith(pages_root):
                path = path[len(pages_root):]
            if path.endswith("/"):
                path = path[:-1]
        except NoReverseMatch:
            pass
    site = get_current_site(request)
    # The pages at the path's parents come in the same query: when the path is an apphook's
    # (an event, a speaker), django CMS then reads its page by id (applications_page_check).
    parts = path.split("/")
    prefixes = ["/".join(parts[:end]) for end in range(len(parts) + 1)]
    candidates = list(PageUrl.objects.get_for_site(site).filter(path__in=prefixes)
                      .select_related("page", "page__site"))
    page_urls = [url for url in candidates if url.path == path]
    if not page_urls:
        if use_path is None:
            request._apphook_page_candidates = {url.page_id: url.page for url in candidates}
        return None
    page = page_urls[0].page
    own = {url.language: url for url in page_urls if url.page_id == page.pk}
    if get_language_from_request(request) in own:
        page.urls_cache = own
    return page


def applications_page_check(request):
    """cms.appresolver.applications_page_check, taking the apphook's page from those
    get_page_from_request read rather than reading it again."""
    from cms.appresolver import APP_RESOLVERS

    candidates = getattr(request, "_apphook_page_candidates", None)
    if candidates is None:
        return _cms_applications_page_check(request)
    try:
        path = request.path_info.replace(reverse("pages-root"), "", 1)
    except NoReverseMatch:
        path = request.path_info
    for lang in get_language_list(site_id=get_current_site(request).pk):
        if path.startswith(lang + "/"):
            path = path[len(lang + "/"):]
    for resolver in APP_RESOLVERS:
        try:
            page_id = resolver.resolve_page_id(path)
        except Resolver404:
            continue
        if page_id in candidates:
            page = candidates[page_id]
            page.urls_cache = {}  # as read by id: no addresses yet
            return page
        return _cms_applications_page_check(request)
    return None


_cms_applications_page_check = appresolver.applications_page_check


def install() -> None:
    """django CMS's renderer and get_plugins() look assign_plugins up in its module, its page
    middleware get_page_from_request; its page view has its own reference."""
    from cms import views

    cms_plugins.assign_plugins = assign_plugins
    cms_page.get_page_from_request = views.get_page_from_request = get_page_from_request
    appresolver.applications_page_check = views.applications_page_check = applications_page_check
