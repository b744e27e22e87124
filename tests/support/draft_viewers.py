"""The people who ask for a draft on the site, for the draft-privacy tests of each content
type: only staff holding the model's view or change permission (or superusers) may preview."""

from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType

from tests.support.users import UserFactory

# Editors manage content (each content app's editors_permissions migration); the other staff
# groups hold no permission on events, whitepapers or the Code: they see what visitors see.
REFUSED = ["anonymous", "staff without permissions", "Reviewers", "Newsletter managers"]
ALLOWED = ["view permission", "change permission", "superuser", "Editors"]


def draft_viewer(kind: str, model):
    """A user of `kind` (one of REFUSED or ALLOWED), or None for an anonymous visitor."""
    if kind == "anonymous":
        return None
    if kind == "superuser":
        return UserFactory(username="root", is_superuser=True)
    if kind in ("view permission", "change permission"):
        action = kind.split()[0]
        user = UserFactory(username=f"may-{action}")
        user.user_permissions.add(Permission.objects.get(
            content_type=ContentType.objects.get_for_model(model),
            codename=get_permission_codename(action, model._meta)))
        return user
    if kind == "staff without permissions":
        return UserFactory(username="clerk")
    return UserFactory(username="member", group=kind)


def client_for(client, user):
    if user is not None:
        client.force_login(user)
    return client
