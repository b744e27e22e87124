"""The reviewer's ethics assessment in the admin: a summary on the application's change page
and the assessment page (rate each principle, conditions of use, a second reviewer's
concurrence). Reviewers and superusers only; every change goes through the services, which
record it on the application's timeline."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language, gettext, ngettext

from . import services
from .assessment_forms import ConditionForm, posted_ratings, rating_forms
from .assessment_selectors import assessment_for_page, rated_count, ratings_by_section
from .models import AssessmentError, TrialApplication
from .selectors import can_review

State = TrialApplication.State
# An assessment can be opened by hand for an application taken into review before it existed.
OPENABLE_STATES = {State.IN_REVIEW, State.MORE_INFO}


def assessment_url(application) -> str:
    return reverse("admin:trials_trialapplication_assessment", args=[application.pk])


def progress_text(assessment) -> str:
    rated, total = rated_count(assessment)
    return ngettext("%(rated)d of %(total)d principle rated",
                    "%(rated)d of %(total)d principles rated", total) % {
        "rated": rated, "total": total}


def assessment_summary(application) -> str:
    """The change page's "Ethics assessment" section."""
    assessment = assessment_for_page(application)
    return render_to_string("trials/admin/assessment_summary.html", {
        "application": application, "assessment": assessment,
        "assessment_url": assessment_url(application),
        "can_open": assessment is None and application.state in OPENABLE_STATES,
        **(_overview(assessment) if assessment else {}),
    })


def _overview(assessment) -> dict:
    return {
        "version_url": assessment.code_version.get_absolute_url(get_language()),
        "progress": progress_text(assessment),
        "ratings": assessment.ratings.all(),
        "conditions": assessment.conditions.all(),
        "blockers": assessment.approval_blockers(),
    }


def assessment_urls(model_admin) -> list:
    def view(request, object_id):
        return assessment_view(model_admin, request, object_id)

    return [path("<int:object_id>/assessment/", model_admin.admin_site.admin_view(view),
                 name="trials_trialapplication_assessment")]


def assessment_view(model_admin, request, object_id):
    application = get_object_or_404(TrialApplication, pk=object_id)
    # The group decides, not a model permission handed out by mistake.
    if not (can_review(request.user) and model_admin.has_view_permission(request, application)):
        raise PermissionDenied
    assessment = assessment_for_page(application)
    forms = rating_forms(assessment) if assessment else {}
    condition_form = ConditionForm(assessment=assessment) if assessment else None
    if request.method == "POST":
        if application.is_decided:
            messages.error(request, gettext("The application is decided: its assessment no "
                                            "longer changes."))
            return HttpResponseRedirect(request.path)
        action = request.POST.get("action")
        try:
            if action == "open":
                return _open(request, application)
            if assessment is None:
                raise AssessmentError(gettext("This application has no assessment yet."))
            if action == "rate":
                forms = rating_forms(assessment, request.POST)
                if all(form.is_valid() for form in forms.values()):
                    return _rate(request, assessment, forms)
            elif action == "condition_add":
                condition_form = ConditionForm(request.POST, assessment=assessment)
                if condition_form.is_valid():
                    return _add_condition(request, assessment, condition_form)
            elif action == "condition_remove":
                return _remove_condition(request, assessment)
            elif action == "concur":
                services.assessment_concur(assessment=assessment, reviewer=request.user)
                messages.success(request, gettext("You concurred with this assessment."))
                return HttpResponseRedirect(request.path)
            else:
                messages.error(request, gettext("Nothing was done: unknown action."))
                return HttpResponseRedirect(request.path)
        except AssessmentError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(request.path)
    return TemplateResponse(request, "trials/admin/assessment.html", _context(
        model_admin, request, application, assessment, forms, condition_form))


def _open(request, application):
    if application.state not in OPENABLE_STATES:
        raise AssessmentError(gettext("Take the application into review to assess it."))
    if services.assessment_open(application=application, reviewer=request.user) is None:
        raise AssessmentError(gettext("No Code of Ethics is in force: publish one first."))
    messages.success(request, gettext("Assessment opened against the Code of Ethics in force."))
    return HttpResponseRedirect(request.path)


def _rate(request, assessment, forms):
    changed = services.assessment_rate(assessment=assessment, reviewer=request.user,
                                       ratings=posted_ratings(forms))
    messages.success(request, ngettext("%(count)d rating saved.", "%(count)d ratings saved.",
                                       len(changed)) % {"count": len(changed)}
                     if changed else gettext("Nothing changed."))
    return HttpResponseRedirect(request.path)


def _add_condition(request, assessment, form):
    services.condition_add(assessment=assessment, reviewer=request.user,
                           principle=form.cleaned_data["principle"],
                           text=form.cleaned_data["text"])
    messages.success(request, gettext("Condition of use added."))
    return HttpResponseRedirect(request.path)


def _remove_condition(request, assessment):
    condition = next((c for c in assessment.conditions.all()
                      if str(c.pk) == request.POST.get("condition")), None)
    if condition is None:
        raise AssessmentError(gettext("That condition no longer exists."))
    services.condition_remove(condition=condition, reviewer=request.user)
    messages.success(request, gettext("Condition of use removed."))
    return HttpResponseRedirect(request.path)


def _context(model_admin, request, application, assessment, forms, condition_form) -> dict:
    change_url = reverse("admin:trials_trialapplication_change", args=[application.pk])
    context = {
        **model_admin.admin_site.each_context(request), "opts": model_admin.model._meta,
        "original": application, "change_url": change_url, "assessment": assessment,
        "read_only": application.is_decided,
        "can_open": assessment is None and application.state in OPENABLE_STATES,
        "title": gettext("Ethics assessment: %(reference)s") % {
            "reference": application.reference},
    }
    if assessment is None:
        return context
    refusal = assessment.concurrence_refusal(request.user)
    return {
        **context, **_overview(assessment),
        "sections": [(section, [_row(rating, forms) for rating in ratings])
                     for section, ratings in ratings_by_section(assessment)],
        "condition_form": condition_form,
        "show_concurrence": assessment.needs_second_reviewer and not assessment.is_concurred,
        "concurrence_refusal": refusal,
    }


def _row(rating, forms) -> tuple:
    # The staff's language, else whichever language the Code was written in.
    principle = rating.principle
    return (rating, forms[rating.principle_id],
            principle.safe_translation_getter("title", any_language=True),
            principle.safe_translation_getter("text", any_language=True))
