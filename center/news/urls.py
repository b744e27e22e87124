"""The News apphook's URLconf (STORIES_URLCONF). It keeps djangocms-stories' URL names, which
the package's toolbar, menus and plugins reverse, but serves them with our views."""

from django.urls import path

from center.core.page_cache import cache_public_view

from . import selectors
from .feeds import NewsFeed
from .views import StoryDetailView, StoryListView

# Visitors' copies live until a scheduled story goes live, or any content is written.
cached = cache_public_view(expires=selectors.next_publication_change)
story_list = cached(StoryListView.as_view())
story_detail = cached(StoryDetailView.as_view())
news_feed = cached(NewsFeed())

app_name = "djangocms_stories"
urlpatterns = [
    path("", story_list, name="posts-latest"),
    path("feed/", news_feed, name="posts-latest-feed"),
    path("category/", story_list, name="categories-all"),
    path("category/<str:category>/", story_list, name="posts-category"),
    path("tag/<slug:tag>/", story_list, name="posts-tagged"),
    path("tag/<slug:tag>/feed/", news_feed, name="posts-tagged-feed"),
    path("<int:year>/", story_list, name="posts-archive"),
    path("<int:year>/<int:month>/", story_list, name="posts-archive"),
    path("author/<str:username>/", story_list, name="posts-author"),
    path("<str:slug>/", story_detail, name="post-detail"),
]
