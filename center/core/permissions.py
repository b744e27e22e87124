from django.contrib.auth import get_permission_codename


def can_see_drafts(user, model) -> bool:
    """Whether `user` may preview `model`'s unpublished rows on the site: staff who may view or
    change them in the admin (superusers may). Being staff alone is not enough: a Reviewer or
    a newsletter manager sees what visitors see, and a draft is a 404 to them too."""
    if user is None or not (user.is_active and user.is_staff):
        return False
    opts = model._meta
    return any(user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")
               for action in ("view", "change"))
