from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from center.core.admin import KeepOldAddressesAdmin

from .forms import PersonAdminForm
from .models import Organisation, Person, Position
from .services import person_portrait_renditions_refresh


@admin.register(Organisation)
class OrganisationAdmin(TranslatableAdmin):
    list_display = ["__str__", "slug"]
    search_fields = ["translations__name", "slug"]

    def get_prepopulated_fields(self, request, obj=None):
        # parler's documented way: prepopulated_fields cannot name a translated field.
        return {"slug": ("name",)}


class PositionInline(TranslatableTabularInline):
    model = Position
    fields = ["title", "organisation", "order"]
    autocomplete_fields = ["organisation"]
    extra = 1


@admin.register(Person)
class PersonAdmin(KeepOldAddressesAdmin, TranslatableAdmin):
    form = PersonAdminForm
    inlines = [PositionInline]
    list_display = ["__str__", "slug", "is_public", "updated_at"]
    list_filter = ["is_public", ("positions__organisation", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["translations__name", "slug"]
    fieldsets = [
        (None, {"fields": ["name", "honorific", "slug", "is_public"]}),
        (_("Profile"), {"fields": ["short_bio", "portrait", "homepage", "orcid"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("name",)}

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # Resized copies are made here, once, so pages never resize images on request.
        if "portrait" in form.changed_data or (obj.portrait_id and not obj.portrait_renditions):
            person_portrait_renditions_refresh(person=obj)
