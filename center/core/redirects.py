"""Keeps old addresses working when a slug changes: each language's old URL gets a 301 to
the new one through django.contrib.redirects (answered by its fallback middleware on 404)."""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db import transaction
from django.urls import NoReverseMatch
from django.utils import translation


def urls_by_language(obj) -> dict[str, str]:
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            try:
                urls[code] = obj.get_absolute_url()
            except NoReverseMatch:  # the content's page is not hooked up in this language
                continue
    return urls


@transaction.atomic
def redirect_moved(*, old_url: str, new_url: str) -> Redirect | None:
    """A 301 from old_url to new_url (both site paths); nothing when they are the same."""
    if not old_url or not new_url or old_url == new_url:
        return None
    site = Site.objects.get_current()
    # Earlier moves now point straight at the newest address (no redirect chains), and a
    # redirect that would shadow the live address is removed.
    Redirect.objects.filter(site=site, new_path=old_url).update(new_path=new_url)
    Redirect.objects.filter(site=site, old_path=new_url).delete()
    redirect, _ = Redirect.objects.update_or_create(
        site=site, old_path=old_url, defaults={"new_path": new_url}
    )
    return redirect


@transaction.atomic
def redirects_create_for_moved(*, obj, old_urls: dict[str, str]) -> list[Redirect]:
    created = []
    for code, new_url in urls_by_language(obj).items():
        if redirect := redirect_moved(old_url=old_urls.get(code, ""), new_url=new_url):
            created.append(redirect)
    return created
