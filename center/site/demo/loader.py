"""Builds the demo page tree. Safe to run again: pages are found by reverse_id and only
what is missing is created, so a second run changes nothing."""

from dataclasses import dataclass, field

from cms.api import add_plugin, create_page, create_page_content
from cms.apphook_pool import apphook_pool
from cms.models import Page, PageContent
from cms.utils.apphook_reload import mark_urlconf_as_changed
from django.contrib.sites.models import Site
from django.db import transaction
from djangocms_versioning.models import Version

from center.core.demo import users
from center.core.sites import site_sync_from_settings

from .pages import PAGES


@dataclass
class DemoReport:
    created_pages: list[str] = field(default_factory=list)
    created_translations: list[str] = field(default_factory=list)
    superuser_created: bool = False
    apphooks_attached: list[str] = field(default_factory=list)


def demo_user_get_or_create(*, report: DemoReport):
    user, created = users.demo_user_get_or_create()
    report.superuser_created = report.superuser_created or created
    return user


def demo_apphooks() -> dict[str, tuple[str, str]]:
    """reverse_id -> (apphook class name, URL namespace), from the apphooks that say which
    demo page they belong on (`demo_page_reverse_id`, in the apps' cms_apps.py)."""
    apphook_pool.discover_apps()
    hooks = {}
    for name, apphook in apphook_pool.apps.items():
        reverse_id = getattr(apphook, "demo_page_reverse_id", None)
        if reverse_id:
            namespace = getattr(apphook, "demo_page_namespace", None) or apphook.app_name
            hooks[reverse_id] = (name, namespace)
    return hooks


def _publish_new_content(*, page: Page, language: str, spec: dict, user) -> None:
    content = PageContent.admin_manager.filter(page=page, language=language).latest("pk")
    content.rescan_placeholders()
    for slot, by_language in spec.get("placeholders", {}).items():
        placeholder = content.placeholders.get(slot=slot)
        for body in by_language.get(language, []):
            add_plugin(placeholder, "TextPlugin", language, body=body)
    Version.objects.get_for_content(content).publish(user)


def _create_page(*, spec: dict, parent: Page | None, user, site: Site) -> Page:
    en = spec["titles"]["en"]
    return create_page(
        title=en["title"],
        template=spec["template"],
        language="en",
        slug=en["slug"],
        menu_title=en.get("menu_title"),
        meta_description=en.get("meta_description"),
        parent=parent,
        in_navigation=spec["in_navigation"],
        reverse_id=spec["reverse_id"],
        created_by=user,
        site=site,
    )


def _add_translation(*, page: Page, language: str, spec: dict, user) -> None:
    titles = spec["titles"][language]
    create_page_content(
        language,
        titles["title"],
        page,
        slug=titles["slug"],  # Chinese titles slugify to nothing: always pass a slug
        menu_title=titles.get("menu_title"),
        meta_description=titles.get("meta_description"),
        in_navigation=spec["in_navigation"],
        template=spec["template"],
        created_by=user,
    )


def _attach_apphook(page: Page, apphook: tuple[str, str] | None) -> bool:
    if apphook is None or page.application_urls == apphook[0]:
        return False
    page.application_urls, page.application_namespace = apphook
    page.save(update_fields=["application_urls", "application_namespace"])
    return True


def load_demo_pages() -> DemoReport:
    report = DemoReport()
    site = site_sync_from_settings()
    with transaction.atomic():
        user = demo_user_get_or_create(report=report)
        apphooks = demo_apphooks()
        pages: dict[str, Page] = {}
        for spec in PAGES:
            reverse_id = spec["reverse_id"]
            page = Page.objects.filter(reverse_id=reverse_id, site=site).first()
            if page is None:
                parent = pages.get(spec["parent"]) if spec["parent"] else None
                page = _create_page(spec=spec, parent=parent, user=user, site=site)
                _publish_new_content(page=page, language="en", spec=spec, user=user)
                report.created_pages.append(reverse_id)
            pages[reverse_id] = page
            if _attach_apphook(page, apphooks.get(reverse_id)):
                report.apphooks_attached.append(reverse_id)
            existing = set(page.get_languages())
            for language in spec["titles"]:
                if language in existing:
                    continue
                _add_translation(page=page, language=language, spec=spec, user=user)
                _publish_new_content(page=page, language=language, spec=spec, user=user)
                report.created_translations.append(f"{reverse_id}:{language}")
        home = pages.get("home")
        if home is not None and not home.is_home:
            home.set_as_homepage(user)
    if report.created_pages or report.apphooks_attached:
        mark_urlconf_as_changed()
    return report
