from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _

from center.core.page_cache import known_for_request, once_per_request, seconds_until
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
    # Cached with the page: a write to a paper invalidates it at once
    # (center.core.page_cache), and the copy ends when a scheduled paper becomes visible.

    def get_cache_expiration(self, request, instance, placeholder):
        release = once_per_request(request, "whitepapers", selectors.next_scheduled_release)
        return seconds_until(release)

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        request = context.get("request")
        context["whitepapers"] = selectors.featured_whitepapers(plugin=instance)
        if context["whitepapers"]:
            known_for_request(request, "whitepapers", context["whitepapers"][0].next_release)
        # Staff who may see drafts are told which chosen papers visitors cannot see, so none
        # goes missing quietly; the drafts' titles are not shown to anyone else.
        context["hidden_whitepapers"] = (
            selectors.featured_drafts(plugin=instance)
            if can_see_drafts(getattr(request, "user", None), Whitepaper) else []
        )
        context["whitepapers_url"] = links.whitepapers_page_url()
        return context
