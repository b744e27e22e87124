from cms.plugin_base import CMSPluginBase
from cms.plugin_pool import plugin_pool
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import SpeakerGrid
from .selectors import speaker_grid_people


@plugin_pool.register_plugin
class SpeakerGridPlugin(CMSPluginBase):
    model = SpeakerGrid
    name = _("Speaker grid")
    module = _("Center")
    render_template = "people/plugins/speaker_grid.html"
    autocomplete_fields = ["people"]

    def render(self, context, instance, placeholder):
        context = super().render(context, instance, placeholder)
        context["people"] = speaker_grid_people(grid=instance,
                                                language=translation.get_language())
        return context
