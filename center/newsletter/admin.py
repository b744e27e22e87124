import json

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import selectors, services
from .forms import CampaignAdminForm, ScheduleForm
from .models import (
    Campaign,
    CampaignStartFailed,
    CampaignStatusError,
    ConsentRecord,
    Delivery,
    Subscriber,
    Topic,
)


class ConsentRecordInline(admin.TabularInline):
    model = ConsentRecord
    extra = 0
    can_delete = False
    fields = readonly_fields = ["action", "created_at", "confirmed_at", "privacy_version",
                                "language", "topics", "ip_address", "user_agent", "source"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "status", "language", "created_at", "confirmed_at"]
    list_filter = ["status", "language"]
    search_fields = ["email"]
    readonly_fields = ["email", "status", "language", "topics", "created_at", "confirmed_at",
                       "unsubscribed_at"]
    inlines = [ConsentRecordInline]
    actions = ["unsubscribe", "export_data"]

    def has_add_permission(self, request):
        return False  # consent is given by the subscriber, on the sign-up form

    @admin.action(description=_("Unsubscribe the selected addresses"), permissions=["change"])
    def unsubscribe(self, request, queryset):
        count = sum(services.subscriber_unsubscribe(subscriber=s, source="admin")
                    for s in queryset)
        self.message_user(request, ngettext("%(count)d address unsubscribed.",
                                            "%(count)d addresses unsubscribed.", count)
                          % {"count": count}, messages.SUCCESS)

    @admin.action(description=_("Export the data of the selected subscriber (JSON)"),
                  permissions=["view"])
    def export_data(self, request, queryset):
        # One person per export: a data-subject request is about one person.
        if queryset.count() != 1:
            self.message_user(request, _("Select exactly one subscriber to export."),
                              messages.WARNING)
            return None
        subscriber = queryset.get()
        response = HttpResponse(
            json.dumps(selectors.subscriber_data_export(subscriber), indent=2,
                       ensure_ascii=False),
            content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="subscriber-{subscriber.pk}.json"'
        return response


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ["subscriber", "campaign", "status", "sent_at", "attempts", "error"]
    list_filter = ["status", "campaign"]
    list_select_related = ["subscriber", "campaign"]
    search_fields = ["subscriber__email", "message_id"]
    readonly_fields = ["campaign", "subscriber", "status", "message_id", "claimed_until",
                       "attempts", "error", "sent_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    form = CampaignAdminForm
    change_form_template = "newsletter/admin/campaign_change_form.html"
    change_list_template = "newsletter/admin/campaign_change_list.html"
    list_display = ["subject", "language", "status", "scheduled_at", "sent", "failed",
                    "pending", "not_sent_because"]
    list_filter = ["status", "language"]
    search_fields = ["subject"]
    actions = ["cancel"]

    def get_queryset(self, request):
        return selectors.campaigns_with_totals(super().get_queryset(request))

    @admin.display(description=_("sent"), ordering="total_sent")
    def sent(self, obj):
        return obj.total_sent

    @admin.display(description=_("failed"), ordering="total_failed")
    def failed(self, obj):
        return obj.total_failed

    @admin.display(description=_("pending"), ordering="total_pending")
    def pending(self, obj):
        return obj.total_pending

    @admin.display(description=_("last attempt to send"))
    def not_sent_because(self, obj):
        failed = obj.start_failure and obj.status == Campaign.Status.DRAFT
        return obj.get_start_failure_display() if failed else ""

    def has_change_permission(self, request, obj=None):
        # Once sending starts, the campaign is a record of what was sent: read only.
        if obj is not None and not obj.is_editable and request.method == "POST":
            return False
        return super().has_change_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and not obj.is_editable:
            return ["subject", "preheader", "language", "topics", "body_html"]
        return []

    def save_model(self, request, obj, form, change):
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("<int:pk>/progress/", view(self.progress_view),
                 name="newsletter_campaign_progress"),
            path("<int:pk>/send-test/", view(self.send_test_view),
                 name="newsletter_campaign_send_test"),
            path("<int:pk>/schedule/", view(self.schedule_view),
                 name="newsletter_campaign_schedule"),
            path("<int:pk>/unschedule/", view(self.unschedule_view),
                 name="newsletter_campaign_unschedule"),
            path("<int:pk>/send-now/", view(self.send_now_view),
                 name="newsletter_campaign_send_now"),
            path("<int:pk>/cancel/", view(self.cancel_view),
                 name="newsletter_campaign_cancel"),
            path("from-content/", view(self.from_content_view),
                 name="newsletter_campaign_from_content"),
        ] + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        campaign = self.get_object(request, object_id)
        extra = extra_context or {}
        if campaign is not None:
            extra.update({"campaign": campaign, "schedule_form": ScheduleForm(),
                          "progress": selectors.campaign_progress(campaign),
                          "can_manage": super().has_change_permission(request, campaign)})
        return super().change_view(request, object_id, form_url, extra)

    # -- buttons on the change page; each POSTs here and returns to the change page.

    def _campaign_for_change(self, request, pk) -> Campaign:
        campaign = get_object_or_404(Campaign, pk=pk)
        if not super().has_change_permission(request, campaign):
            raise PermissionDenied
        return campaign

    def _back(self, campaign):
        return redirect(reverse("admin:newsletter_campaign_change", args=[campaign.pk]))

    def _transition(self, request, pk, service, done: str, **kwargs):
        campaign = self._campaign_for_change(request, pk)
        try:
            service(campaign=campaign, user=request.user, **kwargs)
        except CampaignStatusError:
            self.message_user(request, _("This campaign cannot do that in its current status."),
                              messages.ERROR)
        except CampaignStartFailed as failure:
            self.message_user(request, _("Not sent: %(reason)s")
                              % {"reason": failure.campaign.start_failure_text}, messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return self._back(campaign)

    def progress_view(self, request, pk):
        campaign = get_object_or_404(Campaign, pk=pk)
        if not self.has_view_permission(request, campaign):
            raise PermissionDenied
        data = selectors.campaign_progress(campaign).as_dict()
        return JsonResponse({**data, "status": campaign.status,
                             "status_label": campaign.get_status_display()})

    def send_test_view(self, request, pk):
        if request.method != "POST":
            return HttpResponse(status=405)
        campaign = self._campaign_for_change(request, pk)
        if not request.user.email:
            self.message_user(request, _("Your account has no email address to send the "
                                         "test to."), messages.ERROR)
        else:
            services.campaign_request_test(campaign=campaign, user=request.user)
            self.message_user(request, _("A test copy is on its way to %(email)s.")
                              % {"email": request.user.email}, messages.SUCCESS)
        return self._back(campaign)

    def schedule_view(self, request, pk):
        if request.method != "POST":
            return HttpResponse(status=405)
        campaign = self._campaign_for_change(request, pk)
        form = ScheduleForm(request.POST)
        if not form.is_valid():
            for error in form.errors.get("scheduled_at", []):
                self.message_user(request, error, messages.ERROR)
            return self._back(campaign)
        return self._transition(request, pk, services.campaign_schedule,
                                _("Campaign scheduled."), at=form.cleaned_data["scheduled_at"])

    def unschedule_view(self, request, pk):
        if request.method != "POST":
            return HttpResponse(status=405)
        return self._transition(request, pk, services.campaign_unschedule,
                                _("Campaign returned to draft."))

    def send_now_view(self, request, pk):
        """The "Send now" button leads here: a page that says how many readers the campaign
        will reach. Only its "Yes, send" POST (confirm=yes) starts sending."""
        campaign = self._campaign_for_change(request, pk)
        if request.method == "POST" and request.POST.get("confirm") == "yes":
            return self._transition(request, pk, services.campaign_send_now,
                                    _("Sending started."))
        if campaign.status not in (Campaign.Status.DRAFT, Campaign.Status.SCHEDULED):
            self.message_user(request, _("This campaign cannot do that in its current status."),
                              messages.ERROR)
            return self._back(campaign)
        readers = selectors.campaign_audience_count(campaign)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Send this campaign now?"),
            "opts": self.opts, "campaign": campaign, "readers": readers,
            "language_name": campaign.get_language_display(),
            "topic_names": ", ".join(str(dict(Topic.choices).get(t, t)) for t in campaign.topics),
        }
        return TemplateResponse(request, "newsletter/admin/campaign_send_confirm.html", context)

    def cancel_view(self, request, pk):
        if request.method != "POST":
            return HttpResponse(status=405)
        return self._transition(request, pk, services.campaign_cancel,
                                _("Campaign cancelled."))

    def from_content_view(self, request):
        if request.method != "POST":
            return HttpResponse(status=405)
        if not self.has_add_permission(request):
            raise PermissionDenied
        language = request.POST.get("language", "en")
        campaign = services.campaign_create_from_latest(language=language, user=request.user)
        self.message_user(request, _("A draft was made from the latest news, events and "
                                     "whitepapers. Review it before sending."), messages.SUCCESS)
        return self._back(campaign)

    @admin.action(description=_("Cancel the selected campaigns"), permissions=["change"])
    def cancel(self, request, queryset):
        done = 0
        for campaign in queryset:
            try:
                services.campaign_cancel(campaign=campaign, user=request.user)
                done += 1
            except CampaignStatusError:
                pass
        self.message_user(request, ngettext("%(count)d campaign cancelled.",
                                            "%(count)d campaigns cancelled.", done)
                          % {"count": done}, messages.SUCCESS)
