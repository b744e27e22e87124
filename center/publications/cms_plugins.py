from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from center.core.permissions import can_see_drafts

from . import links, selectors
from .models import FeaturedWhitepapers, Whitepaper


@plugin_pool.register_plugin
class FeaturedWhitepapersPlugin(CMSPluginBase):
    model = FeaturedWhitepapers
    name = _("Featured whitepapers")
    module = _("Center")
    render_template = "publications/plugins/featured_whitepapers.html"
    autocomplete_fields = ["whitepapers"]
    # Left cacheable: django CMS keeps a visitor's copy for CMS_CACHE_DURATIONS["content"]
    # (60 s), so a newly published paper shows here within a minute.

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        request = context.get("request")
        context["whitepapers"] = selectors.featured_whitepapers(plugin=instance)
        # Staff who may see drafts are told which chosen papers visitors cannot see, so none
        # goes missing quietly; the drafts' titles are not shown to anyone else.
        context["hidden_whitepapers"] = (
            selectors.featured_drafts(plugin=instance)
            if can_see_drafts(getattr(request, "user", None), Whitepaper) else []
        )
        context["whitepapers_url"] = links.whitepapers_page_url()
        return context
