from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _

from center.core import views as core_views
from center.search import views as search_views
from center.site.sitemaps import discovered_sitemaps

# Staff see the Center's name (in their language) rather than "Django administration".
admin.site.site_header = admin.site.site_title = _(
    "Center for Computational Law and AI Ethics Research")
admin.site.index_title = _("Back office")

# Machinery editors never need (schedules, sites, thumbnails, sign-in lockouts): only
# superusers see it or open it, whatever a group or a user was granted.
TECHNICAL_APPS = {"django_celery_beat", "sites", "easy_thumbnails", "axes", "contenttypes"}
_full_app_list = admin.AdminSite.get_app_list  # the class's: this module may load twice


def _app_list_for(request, app_label=None):
    apps = _full_app_list(admin.site, request, app_label)
    if request.user.is_superuser:
        return apps
    return [app for app in apps if app["app_label"] not in TECHNICAL_APPS]


admin.site.get_app_list = _app_list_for


def _superusers_only(model_admin: admin.ModelAdmin) -> None:
    # Hidden is not enough: a stray permission must not open these pages by their address.
    if getattr(model_admin, "superusers_only", False):
        return  # this module loads again when django CMS reloads the apphooks
    model_admin.superusers_only = True
    for action in ("module", "view", "add", "change", "delete"):
        granted = getattr(model_admin, f"has_{action}_permission")

        def check(request, *args, _granted=granted, **kwargs):
            return request.user.is_superuser and _granted(request, *args, **kwargs)

        setattr(model_admin, f"has_{action}_permission", check)


for _model, _model_admin in admin.site._registry.items():
    if _model._meta.app_label in TECHNICAL_APPS:
        _superusers_only(_model_admin)

SITEMAPS = discovered_sitemaps()

# A database outage (also one met in a middleware) answers 503 with Retry-After, not 500.
handler500 = "center.core.errors.server_error"

# /healthz, /readyz and /metrics are answered earlier, by core.middleware.HealthCheckMiddleware.
urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("favicon.ico", core_views.favicon, name="favicon"),
]

if settings.SERVE_MEDIA:
    # Uploads from this process: `make run`, `make stack`, a single-machine install. Behind
    # a web server that serves MEDIA_ROOT itself, leave DJANGO_SERVE_MEDIA off.
    from django.views.static import serve

    urlpatterns.append(re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve,
                               {"document_root": settings.MEDIA_ROOT}))

# The CMS catch-all must stay last.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("search/", search_views.search, name="search"),
    path("registrations/", include("center.registrations.urls")),
    path("", include("cms.urls")),
)
