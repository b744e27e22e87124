"""The account demo content is created by, shared by the site's page loader and the apps'
demo modules (which may not import the site app)."""

from django.conf import settings
from django.contrib.auth import get_user_model

DEMO_USERNAME = "admin"
DEMO_PASSWORD = "admin"
LOADER_USERNAME = "demo-loader"


def demo_user_get_or_create():
    """(user, created). In demo mode a superuser with a published password so a newcomer can
    log in; elsewhere an inactive system account. `created` is True only for the former."""
    User = get_user_model()
    if settings.DEMO_MODE:
        user, created = User.objects.get_or_create(
            username=DEMO_USERNAME,
            defaults={"is_staff": True, "is_superuser": True, "email": "admin@localhost"},
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        return user, created
    user, _ = User.objects.get_or_create(
        username=LOADER_USERNAME, defaults={"is_active": False, "is_staff": False}
    )
    return user, False
