from cms.toolbar_pool import toolbar_pool
from django.utils.translation import gettext_lazy as _
from djangocms_stories.models import Post, PostContent

from center.core.toolbars import ContentMenuToolbar

from .selectors import NAMESPACE


@toolbar_pool.register
class NewsToolbar(ContentMenuToolbar):
    """"News › Add news story" on every page. On the News pages themselves djangocms-stories
    shows its own, richer News menu (story properties, configuration), so this one steps aside."""

    model = Post
    menu_key = "news-menu"
    label = _("News")
    add_label = _("Add news story")
    list_label = _("All news stories")

    def populate(self):
        if self.is_current_app or isinstance(self.toolbar.get_object(), PostContent):
            return
        super().populate()

    def add_url(self) -> str:
        from djangocms_stories.models import StoriesConfig

        config = (StoriesConfig.objects.filter(namespace=NAMESPACE)
                  .values_list("pk", flat=True).first())
        url = super().add_url()
        return f"{url}?app_config={config}" if config else url
