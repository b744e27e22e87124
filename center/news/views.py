"""News pages on top of djangocms-stories' models: one filterable list and a detail page
that falls back to another language rather than 404 when a story is not yet translated."""

from django.core.paginator import Paginator
from django.http import Http404
from django.urls import reverse
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView
from djangocms_stories.settings import get_setting
from djangocms_stories.views import StoriesConfigMixin
from menus.utils import set_language_changer

from . import selectors

PER_PAGE = 10


class PageConfigMixin(StoriesConfigMixin):
    def render_to_response(self, context, **response_kwargs):
        # The page's template asks for the app config the view has read (cms_apps).
        page = getattr(self.request, "current_page", None)
        if page and self.config and page.application_namespace == self.config.namespace:
            page._stories_config = self.config
        return super().render_to_response(context, **response_kwargs)


class StoryListView(PageConfigMixin, ListView):
    """/news/ with ?category=, ?tag= and ?page=. The package's category, tag, archive and
    author addresses land here too. Unknown filters are ignored and bad page numbers show
    the nearest page: a mistyped link never gives an error."""

    template_name = "djangocms_stories/post_list.html"  # also the apphook root template
    context_object_name = "stories"
    paginate_by = PER_PAGE

    def get_queryset(self):
        language = get_language()
        self.category = selectors.category_by_slug(
            self.kwargs.get("category") or self.request.GET.get("category"), language=language
        )
        self.tag = selectors.tag_by_slug(self.kwargs.get("tag") or self.request.GET.get("tag"))
        return selectors.stories_in_language(language=language, category=self.category,
                                             tag=self.tag)

    def paginate_queryset(self, queryset, page_size):
        paginator = Paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        language = get_language()
        context.update({
            "categories": selectors.categories_in_use(language=language),
            "tags": selectors.tags_in_use(),
            "selected_category": self.category,
            "selected_tag": self.tag,
            "feed_url": reverse(f"{self.namespace}:posts-latest-feed"),
        })
        return context


class StoryDetailView(PageConfigMixin, DetailView):
    template_name = "djangocms_stories/post_detail.html"
    context_object_name = "post_content"

    def get_object(self, queryset=None):
        story = selectors.story_for_visitor(slug=self.kwargs["slug"], language=get_language())
        if story is None:
            raise Http404("No such story")
        toolbar = getattr(self.request, "toolbar", None)
        if toolbar is not None:
            toolbar.set_object(story)  # lets staff open this story's edit and version menus
        setattr(self.request, get_setting("CURRENT_POST_IDENTIFIER"), story)
        set_language_changer(self.request, story.post.get_absolute_url)
        return story

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["post"] = self.object
        context["meta"] = self.object.as_meta(self.request)
        return context
