from django.contrib import admin
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from filer.admin.fileadmin import FileAdmin, FileAdminChangeFrom
from filer.models import File
from parler.admin import TranslatableAdmin

from center.core.admin import KeepOldAddressesAdmin, run_transition

from .forms import WhitepaperAdminForm
from .models import Topic, Whitepaper, WhitepaperAuthor, WhitepaperStatusError
from .services import (
    whitepaper_cover_refresh,
    whitepaper_pdf_privacy_sync,
    whitepaper_pdf_refresh,
    whitepaper_pdf_replacement_check,
    whitepaper_publish,
    whitepaper_unpublish,
)


@admin.register(Topic)
class TopicAdmin(TranslatableAdmin):
    list_display = ["__str__", "slug"]
    search_fields = ["translations__name", "slug"]

    def get_prepopulated_fields(self, request, obj=None):
        # parler: a translated source field must be declared here, not as a class attribute.
        return {"slug": ("name",)}


class WhitepaperAuthorInline(admin.TabularInline):
    model = WhitepaperAuthor
    extra = 1
    fields = ["order", "person"]
    autocomplete_fields = ["person"]


@admin.register(Whitepaper)
class WhitepaperAdmin(KeepOldAddressesAdmin, TranslatableAdmin):
    # Slug changes keep the old address: shared links and citations point at it.
    form = WhitepaperAdminForm
    list_display = ["__str__", "publication_date", "status", "published_at", "download_count"]
    list_filter = ["status", "pdf_language", "topics"]
    search_fields = ["slug", "translations__title", "translations__subtitle"]
    date_hierarchy = "publication_date"
    autocomplete_fields = ["topics"]
    readonly_fields = ["status", "pdf_problem", "pdf_pages", "pdf_file_size", "pdf_sha256",
                       "download_count"]
    inlines = [WhitepaperAuthorInline]
    actions = ["publish", "unpublish"]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "slug", "abstract"]}),
        (_("Issue"), {"fields": ["issuing_body", "publication_date", "version", "doi", "isbn",
                                 "topics"]}),
        (_("Files"), {"fields": ["pdf", "pdf_problem", "pdf_language", "pdf_pages",
                                 "pdf_file_size", "pdf_sha256", "cover"]}),
        (_("Publication"), {"fields": ["status", "published_at", "download_count"]}),
    ]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("title",)}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("PDF size"))
    def pdf_file_size(self, obj):
        return filesizeformat(obj.pdf_size) if obj.pdf_size else "–"

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        # The PDF's facts and the cover's renditions are made here, once, never per request.
        # Saving a withheld paper checks its file again: that is how an editor who has
        # looked at a changed file serves it again (only if it is a sound PDF).
        if not change or "pdf" in form.changed_data or obj.pdf_problem:
            whitepaper_pdf_refresh(whitepaper=obj, user=request.user)
        whitepaper_cover_refresh(whitepaper=obj)
        whitepaper_pdf_privacy_sync(whitepaper=obj)  # the status may have changed here

    @admin.action(description=_("Publish the selected whitepapers"), permissions=["change"])
    def publish(self, request, queryset):
        run_transition(self, request, queryset, service=whitepaper_publish,
                       refused=WhitepaperStatusError, object_name="whitepaper",
                       done_message=lambda n: ngettext(
                           "%(count)d whitepaper published.", "%(count)d whitepapers published.",
                           n) % {"count": n})

    @admin.action(description=_("Return the selected whitepapers to draft"),
                  permissions=["change"])
    def unpublish(self, request, queryset):
        run_transition(self, request, queryset, service=whitepaper_unpublish,
                       refused=WhitepaperStatusError, object_name="whitepaper",
                       done_message=lambda n: ngettext(
                           "%(count)d whitepaper returned to draft.",
                           "%(count)d whitepapers returned to draft.", n) % {"count": n})


class MediaFileForm(FileAdminChangeFrom):
    """filer's form for a file in the media library, which also refuses new content for a
    whitepaper's PDF unless it is a PDF within the size cap (the field keeps its old file)."""

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if "file" in self.changed_data and upload and self.instance.pk:
            try:
                whitepaper_pdf_replacement_check(file=self.instance, upload=upload)
            except ValidationError as error:
                self.add_error("file", error)
        return cleaned_data


class MediaFileAdmin(FileAdmin):
    # Any other route that changes the file is caught by signals.py after the save.
    form = MediaFileForm


admin.site.unregister(File)
admin.site.register(File, MediaFileAdmin)
