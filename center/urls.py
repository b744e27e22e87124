from cms.sitemaps import CMSSitemap
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from center.ethics.sitemaps import CodeVersionSitemap
from center.events.sitemaps import EventSitemap
from center.news.sitemaps import NewsSitemap
from center.people.sitemaps import PersonSitemap
from center.publications.sitemaps import WhitepaperSitemap
from center.search import views as search_views

SITEMAPS = {"cms": CMSSitemap, "people": PersonSitemap, "events": EventSitemap,
            "news": NewsSitemap, "ethics": CodeVersionSitemap,
            "whitepapers": WhitepaperSitemap}

# /healthz is answered earlier, by center.core.middleware.HealthCheckMiddleware.
urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# The CMS catch-all must stay last.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("search/", search_views.search, name="search"),
    path("", include("cms.urls")),
)
