from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.forms import NumberInput, Textarea
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin, TranslatableTabularInline

from center.core.links import reverse_or_empty

from .forms import CodeVersionAdminForm, PrincipleAdminForm, VersionCopyForm
from .models import CodeVersion, CodeVersionStatusError, Principle, Section
from .selectors import translation_gaps
from .services import version_publish

CONFIRM_TEMPLATE = "ethics/admin/confirm.html"


class DraftOnlyInlineMixin:
    """A published version is the public record: its sections and principles are read-only."""

    def _editable(self, obj) -> bool:
        return obj is None or obj.is_draft

    def has_add_permission(self, request, obj=None):
        return self._editable(obj) and super().has_add_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._editable(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._editable(obj) and super().has_delete_permission(request, obj)


class SectionInline(DraftOnlyInlineMixin, TranslatableTabularInline):
    model = Section
    extra = 0
    fields = ["order", "title"]


class PrincipleInline(DraftOnlyInlineMixin, TranslatableTabularInline):
    # One row per principle with small text boxes (a box can be dragged taller): stacked,
    # the demo's eleven principles made a page 7,000 px long.
    model = Principle
    form = PrincipleAdminForm
    extra = 0
    fields = ["number", "section", "order", "title", "text", "commentary"]
    verbose_name_plural = _("principles (save new sections first, then assign principles)")
    classes = ["code-principles"]

    def get_queryset(self, request):
        # As readers see them: section by section, then by position in the section.
        return super().get_queryset(request).order_by("section__order", "section__pk",
                                                      "order", "number")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in ("text", "commentary"):
            kwargs["widget"] = Textarea(attrs={"rows": 3 if db_field.name == "text" else 2,
                                               "cols": 48})
        elif db_field.name in ("number", "order"):
            kwargs["widget"] = NumberInput(attrs={"class": "code-number", "min": 0})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "section":
            # Only this version's sections: a principle never points into another version.
            version_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Section.objects.filter(version_id=version_id or None)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(CodeVersion)
class CodeVersionAdmin(TranslatableAdmin):
    form = CodeVersionAdminForm
    list_display = ["label", "__str__", "status", "effective_date", "published_at"]
    list_display_links = ["label", "__str__"]
    list_filter = ["status"]
    search_fields = ["label", "translations__title"]
    inlines = [SectionInline, PrincipleInline]

    class Media:
        css = {"all": ["ethics/css/admin.css"]}
    actions = ["publish"]
    text_fields = ["label", "title", "effective_date", "preamble"]
    record_fields = ["status", "based_on", "published_at", "superseded_at", "links"]
    fieldsets = [
        (None, {"fields": text_fields}),
        (_("Publication"), {"fields": record_fields}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("translations")

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_draft:
            return self.text_fields + self.record_fields
        return self.record_fields

    def has_delete_permission(self, request, obj=None):
        # Published versions stay: visitors' links and the change view rely on them.
        return (obj is None or obj.is_draft) and super().has_delete_permission(request, obj)

    @admin.display(description=_("links"))
    def links(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        items = [(obj.get_absolute_url() if reverse_or_empty("ethics:code") else "",
                  gettext("Preview") if obj.is_draft else gettext("View on site"))]
        if obj.based_on_id:
            changes, label = reverse_or_empty("ethics:changes"), obj.based_on.label
            items.append((f"{changes}?from={label}&to={obj.label}" if changes else "",
                          gettext("Compare with version %(label)s") % {"label": label}))
        if obj.is_draft:
            items.append((reverse("admin:ethics_codeversion_publish", args=[obj.pk]),
                          gettext("Publish…")))
        return format_html_join(" · ", '<a href="{}">{}</a>', [i for i in items if i[0]])

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("copy-in-force/", view(self.copy_view), name="ethics_codeversion_copy"),
            path("<int:pk>/publish/", view(self.publish_view), name="ethics_codeversion_publish"),
            *super().get_urls(),
        ]

    def copy_view(self, request):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if not CodeVersion.objects.in_force().exists():
            messages.info(request, gettext("No version is in force yet: write the first one here."))
            return redirect("admin:ethics_codeversion_add")
        form = VersionCopyForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            draft = form.save_copy(user=request.user)
            messages.success(request, gettext(
                "Version %(label)s drafted as a copy of the version in force. Reword it, then "
                "publish it.") % {"label": draft.label})
            return redirect("admin:ethics_codeversion_change", draft.pk)
        return TemplateResponse(request, CONFIRM_TEMPLATE, {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("Draft a new version"),
            "question": gettext("The new draft starts as a copy of the version in force, with "
                                "the same principle numbers. Visitors see nothing until you "
                                "publish it."),
            "form": form,
            "submit_label": gettext("Draft the new version"),
        })

    def publish_view(self, request, pk):
        version = get_object_or_404(CodeVersion, pk=pk)
        if not self.has_change_permission(request, version):
            raise PermissionDenied
        change_url = reverse("admin:ethics_codeversion_change", args=[version.pk])
        if request.method == "POST":
            self._publish(request, version)
            return redirect(change_url)
        if not version.is_draft:
            self.message_user(request, gettext("Version %(label)s is already published.")
                              % {"label": version.label}, messages.INFO)
            return redirect(change_url)
        current = CodeVersion.objects.in_force().first()
        question = gettext("Version %(label)s comes into force now.") % {"label": version.label}
        if current is not None:
            question += " " + gettext("Version %(label)s is superseded: it stays readable as "
                                      "history.") % {"label": current.label}
        return TemplateResponse(request, CONFIRM_TEMPLATE, {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "object": version,
            # Shown, not enforced: a translation may follow a day later, and staff decide.
            "warnings": translation_gaps(version),
            "title": gettext("Publish version %(label)s") % {"label": version.label},
            "question": question,
            "submit_label": gettext("Publish"),
            "cancel_url": change_url,
        })

    def _publish(self, request, version: CodeVersion) -> bool:
        try:
            version_publish(version=version, user=request.user)
        except CodeVersionStatusError as error:
            self.message_user(request, gettext("Version %(label)s was not published: %(reason)s")
                              % {"label": version.label, "reason": error}, messages.ERROR)
            return False
        self.message_user(request, gettext("Version %(label)s is now in force.")
                          % {"label": version.label}, messages.SUCCESS)
        gaps = translation_gaps(version)
        if gaps:
            self.message_user(request, gettext(
                "Its languages differ: %(gaps)s") % {"gaps": " ".join(gaps)}, messages.WARNING)
        return True

    @admin.action(description=_("Publish the selected draft (puts it in force)"),
                  permissions=["change"])
    def publish(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, gettext("Select exactly one draft: only one version can "
                                               "be in force."), messages.WARNING)
            return
        self._publish(request, queryset.get())
