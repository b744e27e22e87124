from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django import forms
from django.utils.translation import gettext_lazy as _

from . import links, selectors
from .models import CodeVersion, PrincipleQuote


class PrincipleQuoteForm(forms.ModelForm):
    class Meta:
        model = PrincipleQuote
        fields = ["number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        version = selectors.version_in_force()
        if version is not None:
            numbers = ", ".join(str(p.number) for s in version.sections.all()
                                for p in s.principles.all())
            self.fields["number"].help_text = _(
                "Quotes this principle from the version in force, whichever that is. "
                "Numbers in version %(label)s: %(numbers)s."
            ) % {"label": version.label, "numbers": numbers}

    def clean_number(self):
        number = self.cleaned_data["number"]
        if CodeVersion.objects.in_force().exists() and not selectors.principle_in_force(number):
            raise forms.ValidationError(
                _("The version in force has no principle %(number)d.") % {"number": number})
        return number


@plugin_pool.register_plugin
class PrincipleQuotePlugin(CMSPluginBase):
    model = PrincipleQuote
    form = PrincipleQuoteForm
    name = _("Principle quote")
    module = _("Center")
    render_template = "ethics/plugins/principle_quote.html"
    # Cached with the page: a new Code version in force invalidates it at once
    # (center.core.page_cache).

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        principle = selectors.principle_in_force(instance.number)
        request = context.get("request")
        context["principle"] = principle
        context["permalink"] = links.principle_permalink(principle) if principle else ""
        # Staff see why the quote is empty; visitors see nothing rather than an error.
        context["show_missing"] = bool(request and request.user.is_staff)
        return context
