"""Admin pieces every content app uses the same way."""

from contextlib import contextmanager

from django.contrib import messages
from django.utils.translation import ngettext
from filer.fields.image import FilerImageField

from .images import filer_image_alt_validate, filer_image_validate
from .redirects import redirects_create_for_moved, urls_by_language


@contextmanager
def old_addresses_redirected(obj, *, moved: bool):
    """Around a save that may change obj's slug: each language's old address then answers
    301 to the new one, so shared links and calendar entries keep working."""
    old_urls = urls_by_language(type(obj).objects.get(pk=obj.pk)) if moved and obj.pk else {}
    yield
    if old_urls:
        redirects_create_for_moved(obj=obj, old_urls=old_urls)


class KeepOldAddressesAdmin:
    """Mixin for a ModelAdmin whose objects have a slug in their address."""

    def save_model(self, request, obj, form, change):
        with old_addresses_redirected(obj, moved=change and "slug" in form.changed_data):
            super().save_model(request, obj, form, change)


class CheckedImagesAdmin:
    """Mixin for the admin of a model we do not own (so its fields cannot carry our
    validators): each of its filer image fields refuses a file Pillow cannot show, and those
    named in alt_text_fields (pictures shown with the image's own alt text) one without alt
    text."""

    alt_text_fields: tuple[str, ...] = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, FilerImageField) and field is not None:
            field.validators.append(filer_image_validate)
            if db_field.name in self.alt_text_fields:
                field.validators.append(filer_image_alt_validate)
        return field


def run_transition(modeladmin, request, queryset, *, service, refused: type[Exception],
                   done_message, object_name: str = "object", **service_kwargs) -> None:
    """An admin action that calls service(<object_name>=obj, user=…) for each selected
    object: the ones the service refuses (`refused`) are counted and reported, not fatal."""
    done = skipped = 0
    for obj in queryset:
        try:
            service(**{object_name: obj}, user=request.user, **service_kwargs)
            done += 1
        except refused:
            skipped += 1
    if done:
        modeladmin.message_user(request, done_message(done), messages.SUCCESS)
    if skipped:
        modeladmin.message_user(
            request,
            ngettext("%(count)d item was skipped: it already had that status.",
                     "%(count)d items were skipped: they already had that status.",
                     skipped) % {"count": skipped},
            messages.WARNING)
