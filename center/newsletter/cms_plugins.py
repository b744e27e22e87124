from cms.models import CMSPlugin
from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from . import links


@plugin_pool.register_plugin
class NewsletterSignupPlugin(CMSPluginBase):
    """The footer's small form, for any page: a GET to the newsletter page, which holds the
    real form, so the page it sits on stays cookie-free and cacheable."""

    model = CMSPlugin
    name = _("Newsletter sign-up")
    module = _("Center")
    render_template = "newsletter/plugins/signup.html"
    allow_children = False

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["signup_url"] = links.signup_page_url()
        context["field_id"] = f"newsletter-signup-{instance.pk}"
        return context
