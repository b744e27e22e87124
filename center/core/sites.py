"""The Site row is the one place absolute links take their host from (center/core/links.py);
SITE_DOMAIN in the environment says what it is, so every migrate writes it there."""

from django.conf import settings
from django.contrib.sites.models import Site


def site_sync_from_settings(*, using: str = "default") -> Site:
    # django.contrib.sites allows 50 characters for the name.
    site, _ = Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": settings.SITE_DOMAIN, "name": settings.SITE_NAME[:50]})
    Site.objects.clear_cache()
    return site


def site_sync_after_migrate(sender, *, using="default", plan=None, **kwargs):
    # post_migrate also runs for `flush` and test databases: the Site follows settings there too.
    site_sync_from_settings(using=using)
