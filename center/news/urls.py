"""The News apphook's URLconf (STORIES_URLCONF). It keeps djangocms-stories' URL names, which
the package's toolbar, menus and plugins reverse, but serves them with our views."""

from django.urls import path

from .feeds import NewsFeed
from .views import StoryDetailView, StoryListView

app_name = "djangocms_stories"
urlpatterns = [
    path("", StoryListView.as_view(), name="posts-latest"),
    path("feed/", NewsFeed(), name="posts-latest-feed"),
    path("category/", StoryListView.as_view(), name="categories-all"),
    path("category/<str:category>/", StoryListView.as_view(), name="posts-category"),
    path("tag/<slug:tag>/", StoryListView.as_view(), name="posts-tagged"),
    path("tag/<slug:tag>/feed/", NewsFeed(), name="posts-tagged-feed"),
    path("<int:year>/", StoryListView.as_view(), name="posts-archive"),
    path("<int:year>/<int:month>/", StoryListView.as_view(), name="posts-archive"),
    path("author/<str:username>/", StoryListView.as_view(), name="posts-author"),
    path("<str:slug>/", StoryDetailView.as_view(), name="post-detail"),
]
