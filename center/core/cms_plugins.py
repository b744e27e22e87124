"""djangocms-frontend's "Picture / Image" plugin, with the portal's rules for pictures: its
media-library image must be one Pillow can show (filer files an SVG, or anything named
.png, as an image) and must have alt text, and one stored before those rules renders as no
picture while the rest of its placeholder still shows."""

import logging

from cms.plugin_pool import plugin_pool
from django.utils.translation import gettext_lazy as _
from djangocms_frontend.contrib.image import cms_plugins as frontend
from djangocms_frontend.contrib.image.forms import ImageForm

from .images import NO_ALT_MESSAGE, filer_image_validate

logger = logging.getLogger(__name__)


EXTERNAL_NO_ALT_MESSAGE = _("Describe this picture for people who cannot see it: add an “alt” "
                            "attribute under Attributes.")


class CheckedImageForm(ImageForm):
    class Meta(ImageForm.Meta):
        pass

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["picture"].validators.append(filer_image_validate)

    def clean(self):
        super().clean()
        # The template falls back to the media library's alt text: without either, screen
        # readers would meet a picture with no description at all.
        if (self.cleaned_data.get("attributes") or {}).get("alt", "").strip():
            return self.cleaned_data
        picture = self.cleaned_data.get("picture")
        if picture is not None and not (picture.default_alt_text or "").strip():
            self.add_error("picture", NO_ALT_MESSAGE)
        elif picture is None and self.cleaned_data.get("external_picture"):
            self.add_error("external_picture", EXTERNAL_NO_ALT_MESSAGE)
        return self.cleaned_data


class ImagePlugin(frontend.ImagePlugin):
    # The same class name: plugins already on pages are stored as "ImagePlugin".
    form = CheckedImageForm

    def render(self, context, instance, placeholder):
        try:
            # What the plugin's own render and template compute from the picture (its size,
            # thumbnails): on a file that is no picture they fail in many ways, and django CMS
            # would then drop the whole placeholder, text and all.
            instance.get_size()
            instance.img_src  # noqa: B018
            instance.img_srcset_data  # noqa: B018
        except Exception:
            logger.warning("Image plugin %s: its picture is not an image we can show; "
                           "rendered without it", instance.pk, exc_info=True)
            instance.picture_unavailable = True
            context["instance"] = instance
            return context
        return super().render(context, instance, placeholder)

    def get_render_template(self, context, instance, placeholder):
        if getattr(instance, "picture_unavailable", False):
            return "core/plugins/picture_unavailable.html"
        return super().get_render_template(context, instance, placeholder)


plugin_pool.unregister_plugin(frontend.ImagePlugin)
plugin_pool.register_plugin(ImagePlugin)
