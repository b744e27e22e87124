from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import TransparencyReport, TransparencyReportPlugin
from .transparency import published_report, report_numbers


class TransparencyReportPluginForm(forms.ModelForm):
    class Meta:
        model = TransparencyReportPlugin
        fields = ["year"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = ", ".join(str(year) for year in TransparencyReport.objects.filter(
            is_published=True).values_list("year", flat=True))
        self.fields["year"].help_text = _(
            "Visitors see nothing until Reviewers publish the year's report. Published years: "
            "%(years)s.") % {"years": published or "—"}

    def clean_year(self):
        year = self.cleaned_data["year"]
        if year >= timezone.localdate().year:
            raise forms.ValidationError(_("Choose a completed year: %(year)d is not over yet.")
                                        % {"year": year})
        return year


@plugin_pool.register_plugin
class TransparencyReportCMSPlugin(CMSPluginBase):
    model = TransparencyReportPlugin
    form = TransparencyReportPluginForm
    name = _("Ethics review transparency report")
    module = _("Center")
    render_template = "trials/plugins/transparency_report.html"
    # Cached with the page: publishing or withdrawing a report invalidates it at once
    # (TrialsConfig.ready, center.core.page_cache).

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        request = context.get("request")
        report = published_report(instance.year)
        context["report"] = report
        context["numbers"] = report_numbers(instance.year) if report else None
        # Staff see why the plugin is empty; visitors see nothing.
        context["show_missing"] = bool(request and request.user.is_staff)
        return context
