"""The staff page "Review queue": applications waiting for an assessment, for a second
reviewer, or overdue, with counts (the reads are in queue.py)."""

from functools import partial

from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import queue, selectors

SECTION_TITLES = {
    queue.WAITING_FOR_ASSESSMENT: _("Waiting for an assessment"),
    queue.WAITING_FOR_SECOND_REVIEWER: _("Waiting for a second reviewer"),
    queue.OVERDUE: _("Overdue"),
}
EMPTY_TEXTS = {
    queue.WAITING_FOR_ASSESSMENT: _("No application is waiting for an assessment."),
    queue.WAITING_FOR_SECOND_REVIEWER: _("No assessment is waiting for a second reviewer."),
    queue.OVERDUE: _("No application is overdue."),
}


def review_queue_view(model_admin, request):
    if not selectors.can_review(request.user):
        raise PermissionDenied
    mine = request.GET.get("mine") == "1"
    reviewer = request.user if mine else None
    today = timezone.localdate()
    counts = queue.queue_counts(reviewer=reviewer, today=today)
    sections = [{"key": key, "title": SECTION_TITLES[key], "empty": EMPTY_TEXTS[key],
                 "count": counts[key],
                 "rows": queue.queue_rows(key, reviewer=reviewer, today=today)}
                for key in queue.SECTIONS]
    return TemplateResponse(request, "trials/admin/review_queue.html", {
        **model_admin.admin_site.each_context(request), "opts": model_admin.model._meta,
        "title": _("Review queue"), "sections": sections, "mine": mine,
        "sla_days": queue.sla_days(), "today": today,
    })


def review_queue_path(model_admin):
    """The queue's URL among the application admin's ("admin:trials_review_queue")."""
    return path("queue/", model_admin.admin_site.admin_view(partial(review_queue_view,
                                                                    model_admin)),
                name="trials_review_queue")
