import csv

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from parler.admin import TranslatableAdmin

from center.core.spreadsheet import spreadsheet_cell

from . import selectors
from .admin_assessment import assessment_summary, assessment_urls
from .admin_queue import review_queue_path
from .admin_statistics import statistics_urls
from .forms import TransitionForm
from .models import (
    AuditEvent,
    DecisionTemplate,
    EmailOutbox,
    PrivacyNotice,
    Product,
    TransitionError,
    TrialApplication,
)
from .outbox import outbox_publish
from .services import REVIEWER_SERVICES, application_approve, application_assign

State = TrialApplication.State
BUTTON_LABELS = {
    State.IN_REVIEW: _("Start review"),
    State.MORE_INFO: _("Ask for more information"),
    State.APPROVED: _("Approve"),
    State.DECLINED: _("Decline"),
}
CSV_COLUMNS = ["reference", "submitted_at", "state", "name", "email", "organisation",
               "job_title", "country", "sector", "products", "expected_scale", "phone",
               "assigned_to", "decided_at"]


class ReviewerOnlyMixin:
    """Applicants' personal data: Reviewers and superusers only, whatever else a staff
    member may have been granted."""

    def has_module_permission(self, request):
        return selectors.can_review(request.user) and super().has_module_permission(request)

    def has_view_permission(self, request, obj=None):
        return selectors.can_review(request.user) and super().has_view_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        return (selectors.can_review(request.user)
                and super().has_change_permission(request, obj))

    def has_add_permission(self, request, obj=None):
        return False  # they come from the public form

    def has_delete_permission(self, request, obj=None):
        return False  # nothing in a review's record is ever removed by hand


@admin.register(TrialApplication)
class TrialApplicationAdmin(ReviewerOnlyMixin, admin.ModelAdmin):
    # Few, short columns: the list fits a 1280 px screen without scrolling sideways.
    list_display = ["reference", "organisation", "state_badge", "submitted_at", "assigned_to"]
    list_filter = ["state", "products", "sector", "submitted_at",
                   ("assigned_to", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["reference", "name", "email", "organisation"]
    date_hierarchy = "submitted_at"
    list_select_related = ["assigned_to"]
    actions = ["export_csv", "assign_to_me"]
    # The history comes before the long application fields: it is what a reviewer reads first.
    fields = ["review_actions", "ethics_assessment", "reference", "state_badge", "assigned_to",
              "timeline", "name", "email", "organisation", "job_title", "phone", "country",
              "sector", "product_list",
              "expected_scale", "intended_use", "language", "privacy_notice", "consented_at",
              "consent_ip", "consent_user_agent", "submitted_at", "decided_at", "anonymised_at"]
    readonly_fields = [f for f in fields if f != "assigned_to"]

    class Media:
        # The list's state badges and the change page's timeline: one link on each page.
        css = {"all": ["trials/css/trials-admin.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("products__translations")

    def has_change_permission(self, request, obj=None):
        # A decided application is a record: read-only, so no Save buttons either.
        if obj is not None and obj.is_decided:
            return False
        return super().has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assigned_to":
            kwargs["queryset"] = selectors.reviewers()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name == "assigned_to" and field is not None:
            # Reviewers pick a colleague; managing user accounts is not done from here.
            wrapper = field.widget
            wrapper.can_add_related = wrapper.can_change_related = False
            wrapper.can_delete_related = wrapper.can_view_related = False
        return field

    def save_model(self, request, obj, form, change):
        # Only the reviewer can be changed here; the service records who assigned whom.
        if "assigned_to" in form.changed_data:
            reviewer = obj.assigned_to
            obj.assigned_to_id = form.initial.get("assigned_to")
            application_assign(application=obj, reviewer=reviewer, by=request.user)

    @admin.display(description=_("products of interest"))
    def product_list(self, obj):
        return ", ".join(str(p) for p in obj.products.all())

    @admin.display(description=_("state"), ordering="state")
    def state_badge(self, obj):
        # Text in a coloured frame: the colour helps, the words say it.
        return format_html('<span class="trials-state trials-state--{}">{}</span>',
                           obj.state, obj.get_state_display())

    @admin.display(description=_("review"))
    def review_actions(self, obj):
        moves = obj.allowed_transitions
        if not moves:
            return gettext("Decided: no further moves.")
        return format_html_join(" ", '<a class="button" href="{}">{}</a>', (
            (reverse("admin:trials_trialapplication_transition", args=[obj.pk, s]),
             BUTTON_LABELS[s]) for s in moves))

    @admin.display(description=_("Ethics assessment"))
    def ethics_assessment(self, obj):
        return assessment_summary(obj)

    @admin.display(description=_("timeline"))
    def timeline(self, obj):
        rows = []
        for event in selectors.staff_timeline(obj):
            who = (event.actor.get_username() if event.actor else
                   gettext("Applicant") if event.by_applicant else gettext("System"))
            move = (f"{event.get_from_state_display() or '–'} → {event.get_to_state_display()}"
                    if event.to_state else "")
            rows.append((timezone.localtime(event.created_at).strftime("%Y-%m-%d %H:%M"), who,
                         move, event.message, event.internal_note,
                         "" if event.is_public else gettext("internal")))
        return format_html(
            '<table class="trials-timeline"><thead><tr><th>{}</th><th>{}</th><th>{}</th>'
            "<th>{}</th><th>{}</th><th></th></tr></thead><tbody>{}</tbody></table>",
            gettext("When"), gettext("Who"), gettext("Move"), gettext("Message to the applicant"),
            gettext("Internal note"),
            format_html_join("", '<tr><td>{}</td><td>{}</td><td>{}</td><td class="trials-pre">{}'
                             '</td><td class="trials-pre">{}</td><td>{}</td></tr>', rows))

    def get_urls(self):
        return [path("<int:object_id>/transition/<str:to_state>/",
                     self.admin_site.admin_view(self.transition_view),
                     name="trials_trialapplication_transition"),
                review_queue_path(self), *assessment_urls(self), *statistics_urls(self),
                *super().get_urls()]

    def transition_view(self, request, object_id, to_state):
        application = get_object_or_404(TrialApplication, pk=object_id)
        if not self.has_change_permission(request, application):
            raise PermissionDenied
        service = REVIEWER_SERVICES.get(to_state)
        if service is None:
            raise Http404("No such move")
        change_url = reverse("admin:trials_trialapplication_change", args=[application.pk])
        if not application.can_move_to(to_state):
            self.message_user(request, gettext("%(reference)s is %(state)s: it cannot move to "
                                               "“%(to)s”.") % {
                "reference": application.reference, "state": application.get_state_display(),
                "to": State(to_state).label}, messages.ERROR)
            return HttpResponseRedirect(change_url)
        if to_state == State.APPROVED and (blockers := application.approval_blockers()):
            # The state machine would refuse it: say why before the reviewer writes a letter.
            self.message_user(request, " ".join(blockers), messages.ERROR)
            return HttpResponseRedirect(change_url)
        asks_applicant = to_state != State.IN_REVIEW
        if request.method == "POST":
            form = TransitionForm(request.POST, message_required=asks_applicant)
            if form.is_valid():
                return self._apply(request, application, service, form, change_url)
        else:
            form = TransitionForm(message_required=asks_applicant, initial={
                "message": selectors.decision_message(state=to_state,
                                                      language=application.language)})
        return TemplateResponse(request, "trials/admin/application_transition.html", {
            **self.admin_site.each_context(request), "opts": self.model._meta,
            "original": application, "form": form, "to_state": State(to_state),
            "button_label": BUTTON_LABELS[to_state], "change_url": change_url,
            "title": f"{application.reference}: {BUTTON_LABELS[to_state]}",
        })

    def _apply(self, request, application, service, form, change_url):
        kwargs = {"application": application, "reviewer": request.user,
                  "internal_note": form.cleaned_data["internal_note"]}
        if "message" in form.cleaned_data:
            kwargs["message"] = form.cleaned_data["message"]
        try:
            service(**kwargs)
        except TransitionError:
            # Someone else moved it, or changed its assessment, since the page was opened.
            blockers = application.approval_blockers() if service is application_approve else []
            self.message_user(request, " ".join(blockers) or gettext(
                "This application was changed in the meantime; nothing was done."),
                messages.ERROR)
        else:
            self.message_user(request, gettext("%(reference)s is now %(state)s.") % {
                "reference": application.reference,
                "state": application.get_state_display()}, messages.SUCCESS)
        return HttpResponseRedirect(change_url)

    @admin.action(description=_("Export the selected applications as CSV"),
                  permissions=["view"])
    def export_csv(self, request, queryset):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="trial-applications.csv"'
        response.write("\ufeff")  # spreadsheets then read the UTF-8 (Chinese) correctly
        writer = csv.writer(response)
        writer.writerow(CSV_COLUMNS)
        for app in queryset.select_related("assigned_to").prefetch_related("products"):
            writer.writerow([spreadsheet_cell(v) for v in (
                app.reference, app.submitted_at.isoformat(), app.state, app.name, app.email,
                app.organisation, app.job_title, app.country, app.sector,
                "; ".join(p.slug for p in app.products.all()), app.expected_scale, app.phone,
                app.assigned_to.get_username() if app.assigned_to else "",
                app.decided_at.isoformat() if app.decided_at else "")])
        return response

    @admin.action(description=_("Assign the selected applications to me"),
                  permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = sum(1 for app in queryset
                    if application_assign(application=app, reviewer=request.user,
                                          by=request.user))
        self.message_user(request, ngettext("%(count)d application assigned to you.",
                                            "%(count)d applications assigned to you.",
                                            count) % {"count": count}, messages.SUCCESS)


@admin.register(EmailOutbox)
class EmailOutboxAdmin(ReviewerOnlyMixin, admin.ModelAdmin):
    list_display = ["application", "kind", "status", "created_at", "attempts", "sent_at",
                    "last_error"]
    list_filter = ["status", "kind"]
    search_fields = ["application__reference", "message_id"]
    readonly_fields = ["application", "event", "kind", "status", "created_at", "published_at",
                       "attempts", "last_error", "sent_at", "message_id"]
    fields = readonly_fields
    actions = ["publish_now"]

    @admin.action(description=_("Queue the selected pending emails again now"),
                  permissions=["change"])
    def publish_now(self, request, queryset):
        ids = list(queryset.filter(status=EmailOutbox.Status.PENDING).values_list("pk",
                                                                                  flat=True))
        count = outbox_publish(ids, force=True)
        self.message_user(request, ngettext("%(count)d email queued.", "%(count)d emails queued.",
                                            count) % {"count": count})


@admin.register(Product)
class ProductAdmin(TranslatableAdmin):
    list_display = ["__str__", "slug", "is_active", "order"]
    list_editable = ["is_active", "order"]
    search_fields = ["slug", "translations__name"]

    def get_prepopulated_fields(self, request, obj=None):
        return {"slug": ("name",)}


@admin.register(PrivacyNotice)
class PrivacyNoticeAdmin(TranslatableAdmin):
    list_display = ["version", "effective_from"]

    def get_readonly_fields(self, request, obj=None):
        # What applicants agreed to must stay as they read it: publish a new version instead.
        if obj is not None and obj.applications.exists():
            return ["version", "effective_from", "text"]
        return []


@admin.register(DecisionTemplate)
class DecisionTemplateAdmin(TranslatableAdmin):
    list_display = ["__str__"]


@admin.register(AuditEvent)
class AuditEventAdmin(ReviewerOnlyMixin, admin.ModelAdmin):
    # Read-only: the timeline is also shown on each application.
    list_display = ["application", "created_at", "actor", "from_state", "to_state", "is_public"]
    list_filter = ["to_state", "is_public"]
    search_fields = ["application__reference"]
    readonly_fields = ["application", "actor", "by_applicant", "created_at", "from_state",
                       "to_state", "message", "internal_note", "is_public"]
    fields = readonly_fields

    def has_change_permission(self, request, obj=None):
        return False
