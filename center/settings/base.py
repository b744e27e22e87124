"""Settings shared by every environment. Values that differ per machine come from the
environment (12-factor); see the configuration table in README.md."""

import warnings
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from .storage import media_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env("DJANGO_SECRET_KEY", default=None)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

# Demo mode lets `load_demo` create a superuser with a published password.
DEMO_MODE = env.bool("DEMO_MODE", default=False)

SITE_ID = 1
SITE_NAME = "Center for Computational Law and AI Ethics Research"
SITE_DOMAIN = env("SITE_DOMAIN", default="127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.redirects",
    "cms",
    "menus",
    "treebeard",
    "sekizai",
    "parler",
    "filer",
    "easy_thumbnails",
    "djangocms_frontend",
    "djangocms_frontend.contrib.content",
    "djangocms_frontend.contrib.grid",
    "djangocms_frontend.contrib.image",
    "djangocms_frontend.contrib.link",
    "djangocms_frontend.contrib.utilities",
    "djangocms_text",
    "djangocms_link",
    "djangocms_versioning",
    "djangocms_alias",
    # News: versioned per-language stories, their categories, tags and share meta.
    "djangocms_stories",
    "sortedm2m",
    "taggit",
    "meta",
    "django_celery_beat",
    # Content-Security-Policy (center/core/csp.py); its checks refuse the old CSP_* settings.
    "csp",
    # Admin sign-in: locks out a username from an address after repeated failures.
    "axes",
    "center.core",
    "center.people",
    "center.events",
    "center.news",
    "center.ethics",
    "center.search",
    "center.trials",
    "center.newsletter",
    "center.registrations",
    "center.publications",
    "center.site",
]

MIDDLEWARE = [
    # First: the request id every log line carries, and the request metrics (/metrics),
    # which must see the probes and front-cache hits below too (center/core/request_middleware.py).
    "center.core.request_middleware.RequestIdMiddleware",
    "center.core.middleware.HealthCheckMiddleware",
    # Public pages stored earlier are answered here, before everything below (front_cache.py).
    "center.core.front_cache.FrontCacheMiddleware",
    # Chooses where this request reads: the replica, if any and if the request may. Inside
    # the front cache, which stores what it answers (a page read from the replica kept briefly).
    "center.core.db_router.ReplicaReadsMiddleware",
    # ETags on every page, and 304 for a browser or nginx that has the page already.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files carry the headers too (an SVG is a document).
    "center.core.middleware.SecurityHeadersMiddleware",
    "center.core.csp.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages gzipped (16 KB of home page HTML is 4 KB on the wire); after WhiteNoise, which
    # sends static files precompressed itself. CSRF tokens are masked per response (BREACH).
    "django.middleware.gzip.GZipMiddleware",
    # Next, so apphook changes reload the URLconf before anything resolves. It reads the
    # database when the content version moves: static files and the headers above come
    # first, and so still work while the database is down (the 503 page keeps its
    # stylesheet).
    "center.core.middleware.ApphookReloadMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "center.core.middleware.NulInPathMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # The cms middlewares go last. LanguageCookieMiddleware is left out on purpose: the
    # language comes from the URL prefix, and a per-visitor cookie would defeat page caching.
    "cms.middleware.user.CurrentUserMiddleware",
    "cms.middleware.page.CurrentPageMiddleware",
    "center.core.toolbar_middleware.ToolbarMiddleware",
    # A visitor with messages waiting is never served, nor stored in, the CMS page cache.
    "center.core.page_cache.PageCacheGuardMiddleware",
    # Old addresses of renamed content answer 301 instead of 404 (see center/core/redirects.py).
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Last, as axes documents: turns a locked-out sign-in into the 429 lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "center.urls"
WSGI_APPLICATION = "center.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sekizai.context_processors.sekizai",
                "cms.context_processors.cms_settings",
                # One menu build per request, shared by every menu tag on the page.
                "center.core.context_processors.menu_renderer",
                "center.core.context_processors.site",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Connections are kept between requests and checked before reuse: after a database restart
# the first request reconnects instead of failing on the dead connection (no manual step).
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if "postgresql" in DATABASES["default"]["ENGINE"]:
    # No JIT: a page's plugin read joins every plugin table, and the planner's estimate for
    # that crosses jit_above_cost; compiling it took 230 ms for a 0.1 ms query.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, [options.get("options", ""), "-c jit=off"]))
# A read replica (README "Read replica"): anonymous public reads go there, everything else
# to the primary (center/core/db_router.py). Its tests read the primary's test database.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = {
        **DATABASES["default"], **env.db("DATABASE_REPLICA_URL"),
        "TEST": {"MIRROR": "default"},
        "OPTIONS": {**DATABASES["default"].get("OPTIONS", {}),
                    # A replica that cannot be reached is given up quickly: reads fall back.
                    "connect_timeout": 2},
    }
    DATABASE_ROUTERS = ["center.core.db_router.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://")}
# Redis through a backend whose connection failures are cache misses (center/core/cache.py):
# with the cache down pages are served uncached, never a 500.
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "center.core.cache.ResilientRedisCache"
# With a shared cache every node reads a session from it (the database stays the record, so
# a restarted cache signs nobody out); with a per-process cache, from the database alone.
SESSION_ENGINE = ("django.contrib.sessions.backends.db"
                  if CACHES["default"]["BACKEND"].endswith("LocMemCache")
                  else "django.contrib.sessions.backends.cached_db")
# Behind a reverse proxy: the META key of the header it sets to the client's address (e.g.
# HTTP_X_REAL_IP); rate limits and consent records use it (center/core/requests.py).
CLIENT_IP_HEADER = env("CLIENT_IP_HEADER", default="")

# Brute-force protection for the admin sign-in (django-axes, records in the database).
# AxesStandaloneBackend first: it refuses a locked-out sign-in before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
# Minutes a lockout lasts; 0 keeps it until an administrator resets it.
_axes_cooloff_minutes = env.int("AXES_COOLOFF_MINUTES", default=60)
AXES_COOLOFF_TIME = timedelta(minutes=_axes_cooloff_minutes) if _axes_cooloff_minutes else None
# Per username *and* address: an attacker guessing one account cannot lock its owner out of
# every network, nor lock every account out of a shared office address.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = env.bool("AXES_RESET_ON_SUCCESS", default=True)
# Each refused attempt restarts the cool-off, so the page can say exactly how long to wait.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = True
# The same client address as rate limits and consent records (CLIENT_IP_HEADER behind a proxy).
AXES_CLIENT_IP_CALLABLE = "center.core.lockout.client_ip_address"
AXES_LOCKOUT_CALLABLE = "center.core.lockout.lockout_response"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English and Simplified Chinese, chosen by URL prefix.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "center" / "locale"]
# One date format per language everywhere (pages, lists, the admin): center/formats/<locale>.
FORMAT_MODULE_PATH = ["center.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Shanghai"

PARLER_LANGUAGES = {
    SITE_ID: ({"code": "en"}, {"code": "zh-hans"}),
    "default": {"fallbacks": ["en"], "hide_untranslated": False},
}

CMS_LANGUAGES = {
    SITE_ID: [
        {"code": "en", "name": "English", "public": True, "fallbacks": ["zh-hans"]},
        {"code": "zh-hans", "name": "中文", "public": True, "fallbacks": ["en"]},
    ],
    "default": {"hide_untranslated": False, "redirect_on_fallback": False, "public": True},
}
CMS_TEMPLATES = [
    ("cms/home.html", _("Home page")),
    ("cms/one_column.html", _("One column")),
    ("cms/two_columns.html", _("Two columns with sidebar")),
]
CMS_PLACEHOLDER_CONF = {
    "highlights": {"name": _("Highlights (full width)")},
    # The home page's bands (templates/cms/home.html).
    "featured": {"name": _("Featured item")},
    "themes": {"name": _("Research themes")},
    "publications": {"name": _("Latest publications")},
    "events": {"name": _("Upcoming events")},
    "news": {"name": _("Latest news")},
    "partners": {"name": _("Founding partners")},
}
# Visitors can never switch the toolbar on with ?toolbar_on (which bypasses the page cache).
CMS_TOOLBAR_ANONYMOUS_ON = False
# Seconds. All three keys: a custom value replaces django CMS's defaults instead of merging.
# "content" bounds every cached public page (CMS page cache, placeholders, apphook views) and
# the max-age browsers get; writes invalidate the cache at once (center/core/page_cache.py).
CMS_CACHE_DURATIONS = {"menus": 3600, "content": 60, "permissions": 3600}
X_FRAME_OPTIONS = "SAMEORIGIN"  # the CMS edits pages inside its own frames

# Security headers, in every environment (README, "Security headers"). Public pages run only
# script files of our own: no inline code, so no 'unsafe-inline' and no nonces (which the page
# cache would replay stale). Staff get the editor's looser policy (center/core/csp.py).
CONTENT_SECURITY_POLICY = {"DIRECTIVES": {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}}
# The toolbar, the inline and pop-up editors and the admin set inline event handlers and
# styles; they are trusted code shown only to signed-in staff. No 'unsafe-eval': editing,
# the structure board and the admin ran without it (tests/browser/test_security_headers.py).
CONTENT_SECURITY_POLICY_STAFF = {
    **CONTENT_SECURITY_POLICY["DIRECTIVES"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],  # the toolbar's logo and icons
}
# Powerful features no page uses, off for the page and every frame in it.
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in (
    "accelerometer", "autoplay", "browsing-topics", "camera", "display-capture",
    "geolocation", "gyroscope", "hid", "magnetometer", "microphone", "midi", "payment",
    "serial", "usb", "xr-spatial-tracking"))
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

TEXT_INLINE_EDITING = True
DJANGOCMS_VERSIONING_ALLOW_DELETING_VERSIONS = False

# Whitepapers: the largest PDF the admin accepts (bytes).
PUBLICATIONS_MAX_PDF_BYTES = env.int("PUBLICATIONS_MAX_PDF_BYTES", default=50 * 1024 * 1024)

# News (djangocms-stories). Our URLconf wraps its views: one filterable list, a slug per story.
STORIES_URLCONF = "center.news.urls"
STORIES_PAGINATION = 10
STORIES_AUTO_SETUP = False
# STORIES_USE_PLACEHOLDER and STORIES_ENABLE_COMMENTS stay at the package defaults: they are
# model field defaults, so changing them gives djangocms_stories a migration no one ships.
# The News config sets use_placeholder=False itself (news/migrations/0002); no comments app.
STORIES_MULTISITE = False
STORIES_DEFAULT_OBJECT_NAME = _("News story")
STORIES_PLUGIN_MODULE_NAME = _("Center")
META_SITE_PROTOCOL = env("META_SITE_PROTOCOL", default="http")
META_USE_OG_PROPERTIES = True
META_USE_TWITTER_PROPERTIES = True
META_USE_TITLE_TAG = False
META_USE_SITES = True

THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "filer.thumbnail_processors.scale_and_crop_with_subject_location",
    "easy_thumbnails.processors.filters",
)
THUMBNAIL_HIGH_RESOLUTION = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
SERVE_MEDIA = env.bool("DJANGO_SERVE_MEDIA", default=DEBUG)
# Behind nginx (deploy/nginx/): large downloads are handed to it with X-Accel-Redirect under
# this internal prefix (aliased to MEDIA_ROOT there) instead of streamed by a Python worker.
X_ACCEL_REDIRECT_PREFIX = env("DJANGO_X_ACCEL_REDIRECT_PREFIX", default="")
# MEDIA_S3_BUCKET moves every upload to an S3-compatible bucket (center/settings/storage.py).
MEDIA_S3_ENABLED = False
MEDIA_S3_SIGNED_URL_SECONDS = 300
vars().update(media_storages(env, STORAGES))
# Any upload the shipped nginx lets through (client_max_body_size 60m: the largest PDF and
# the form around it) stays in memory, never a temporary file on the node's disk.
FILE_UPLOAD_MAX_MEMORY_SIZE = PUBLICATIONS_MAX_PDF_BYTES + 10 * 1024 * 1024

# Email: the console by default so a new user sees every message.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Center for AI Ethics <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery. Without a broker URL, tasks run in-process so the embedded default needs nothing.
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# No result backend unless one is asked for: no portal task returns anything anyone reads,
# and a result backend on the request path turned a dead Redis into a 20 s RuntimeError.
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND", default=None)
CELERY_TASK_IGNORE_RESULT = not CELERY_RESULT_BACKEND
CELERY_RESULT_EXPIRES = 3600
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Publishing must fail fast on the request path when the broker is down: one connection
# attempt of at most 1 s, one quick publish retry (a broker that just restarted), then
# center.core.queue catches the error and backs off. Workers reconnect on their own.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 3600,
    "socket_connect_timeout": 1,
    "max_retries": 0,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
CELERY_TASK_PUBLISH_RETRY = True
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.2}
CELERY_TIMEZONE = "UTC"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
# Periodic tasks (django-celery-beat copies these into its tables at start). Apps add theirs
# with one `CELERY_BEAT_SCHEDULE["name"] = {...}` statement each, at the end of this file.
CELERY_BEAT_SCHEDULE = {
    # Search picks up what changes with time alone (a story whose publication date arrives).
    "search-reindex-nightly": {"task": "search.reindex_all",
                               "schedule": crontab(hour=3, minute=17)},
}

# "line" (default): `time LEVEL logger: message`; "json": one JSON object per line, with the
# request id (and task id and name in workers) for a log collector (center/core/logs.py).
LOG_FORMAT = env.str("LOG_FORMAT", default="line")
if LOG_FORMAT not in ("line", "json"):
    raise ValueError(f"LOG_FORMAT must be line or json, not {LOG_FORMAT!r}")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"line": {"()": "center.core.logs.UTCFormatter"},
                   "json": {"()": "center.core.logs.UTCJsonFormatter"}},
    "filters": {"database_down": {"()": "center.core.logs.DatabaseDownFilter"},
                "request_id": {"()": "center.core.request_id.RequestIdFilter"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT,
                             "filters": ["request_id"]}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # A database outage: one line per 10 s instead of a traceback per request.
        "django.request": {"filters": ["database_down"]},
        # runserver's request lines, in the same shape instead of Django's own local-time one.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # In-process (eager) tasks would log a "succeeded" line for every one of them.
        "celery.app.trace": {"level": "WARNING" if CELERY_TASK_ALWAYS_EAGER else "INFO"},
        # axes logs every sign-in and clean-up at INFO; failures and lockouts are warnings.
        "axes": {"level": "WARNING"},
    },
}
# Prometheus metrics at /metrics (center/core/metrics.py): answered to these networks (the
# client address as center/core/requests.py reads it) or to `Authorization: Bearer <token>`,
# 404 to anyone else. With PROMETHEUS_MULTIPROC_DIR set (gunicorn's workers, a prefork
# Celery worker) every process writes its counts there and a scrape adds them up.
METRICS_ALLOWED_IPS = env.list("METRICS_ALLOWED_IPS", default=["127.0.0.1/32", "::1/128"])
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
# A Celery worker serves its task metrics on this port (unset: none); on METRICS_WORKER_ADDRESS.
METRICS_WORKER_PORT = env.int("CELERY_METRICS_PORT", default=0)
METRICS_WORKER_ADDRESS = env.str("CELERY_METRICS_ADDRESS", default="127.0.0.1")

# Workers and beat log through LOGGING above instead of Celery's own format and local time.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# djangocms-text builds each admin form once at start-up to find inline-editable fields; with
# djangocms-stories installed that reads the Site table, and Django warns on every command.
warnings.filterwarnings("ignore", message="Accessing the database during app initialization",
                        category=RuntimeWarning)

# django CMS 5.1's PageManager predates this treebeard check; it is a warning about Treebeard 6.
SILENCED_SYSTEM_CHECKS = ["treebeard.E001"]

# --- Newsletter (center/newsletter) -------------------------------------------------------
# Version of the privacy text shown beside the consent box; stored with every consent record.
NEWSLETTER_PRIVACY_VERSION = env("NEWSLETTER_PRIVACY_VERSION", default="2026-01")
# Sign-up POSTs allowed per IP address and window, counted in the (shared) cache.
NEWSLETTER_SIGNUPS_PER_IP = env.int("NEWSLETTER_SIGNUPS_PER_IP", default=10)
NEWSLETTER_SIGNUP_WINDOW_SECONDS = env.int("NEWSLETTER_SIGNUP_WINDOW_SECONDS", default=3600)
NEWSLETTER_CONFIRM_MAX_AGE_SECONDS = 7 * 24 * 3600
# Campaign sending: messages per second over all workers (0 = as fast as SMTP allows), how
# many batch tasks work on a campaign at once, rows claimed per chunk, how long a claim
# holds, and after how long without progress beat's sweep restarts a campaign's batches.
NEWSLETTER_SEND_RATE = env.float("NEWSLETTER_SEND_RATE", default=20)
NEWSLETTER_PARALLEL_BATCHES = env.int("NEWSLETTER_PARALLEL_BATCHES", default=2)
NEWSLETTER_CHUNK_SIZE = env.int("NEWSLETTER_CHUNK_SIZE", default=50)
NEWSLETTER_CLAIM_SECONDS = env.int("NEWSLETTER_CLAIM_SECONDS", default=120)
NEWSLETTER_STALL_SECONDS = env.int("NEWSLETTER_STALL_SECONDS", default=90)
NEWSLETTER_TASK_SECONDS = env.int("NEWSLETTER_TASK_SECONDS", default=30)
NEWSLETTER_MAX_ATTEMPTS = env.int("NEWSLETTER_MAX_ATTEMPTS", default=5)
CELERY_BEAT_SCHEDULE["newsletter-sweep"] = {"task": "newsletter.sweep", "schedule": 60.0}

# --- Apply for Trial (center/trials) ---------------------------------------------------------
# Decided applications lose their personal data after this many days (statistics stay).
TRIALS_RETENTION_DAYS = env.int("TRIALS_RETENTION_DAYS", default=365)
# Form submissions per hour, counted in the cache (shared across processes with CACHE_URL).
TRIALS_RATE_LIMIT_ENABLED = env.bool("TRIALS_RATE_LIMIT_ENABLED", default=True)
TRIALS_RATE_LIMIT_PER_IP = env.int("TRIALS_RATE_LIMIT_PER_IP", default=20)
TRIALS_RATE_LIMIT_PER_EMAIL = env.int("TRIALS_RATE_LIMIT_PER_EMAIL", default=5)
# A form sent back quicker than this (seconds from showing it; autofill lets a person take
# about 1 s) is shown again to check, never refused. Its signed start token is single-use
# and expires after TRIALS_FORM_MAX_AGE_SECONDS (then the form is shown again, answers kept).
TRIALS_MIN_FILL_SECONDS = env.float("TRIALS_MIN_FILL_SECONDS", default=1.0)
TRIALS_FORM_MAX_AGE_SECONDS = env.int("TRIALS_FORM_MAX_AGE_SECONDS", default=2 * 3600)
# Outbox rows still pending after this many minutes are handed to the queue again.
TRIALS_OUTBOX_RETRY_MINUTES = env.int("TRIALS_OUTBOX_RETRY_MINUTES", default=5)
CELERY_BEAT_SCHEDULE["trials-outbox-sweep"] = {"task": "trials.sweep_outbox", "schedule": 60.0}
CELERY_BEAT_SCHEDULE["trials-anonymise-expired"] = {
    "task": "trials.anonymise_expired", "schedule": crontab(hour=2, minute=41)}
# An undecided application is overdue this many working days (Mon-Fri) after submission;
# the assigned reviewer (or every reviewer, if unassigned) is reminded each morning.
TRIALS_REVIEW_SLA_WORKING_DAYS = env.int("TRIALS_REVIEW_SLA_WORKING_DAYS", default=5)
CELERY_BEAT_SCHEDULE["trials-remind-overdue-reviewers"] = {
    "task": "trials.remind_overdue_reviewers", "schedule": crontab(hour=8, minute=7)}

# Event registration: seats offered from the waitlist and not taken in time pass on.
CELERY_BEAT_SCHEDULE["registrations-expire-offers"] = {
    "task": "registrations.expire_offers", "schedule": 300.0}
# Registrations lose the registrant's name, email and answers this many days after the event
# ends (counts per status stay); checked daily.
REGISTRATIONS_RETENTION_DAYS = env.int("REGISTRATIONS_RETENTION_DAYS", default=90)
CELERY_BEAT_SCHEDULE["registrations-anonymise-expired"] = {
    "task": "registrations.anonymise_expired", "schedule": crontab(hour=2, minute=53)}

# Event registration form (center/registrations/register_views.py): attempts per hour.
REGISTRATIONS_RATE_LIMIT_PER_IP = env.int("REGISTRATIONS_RATE_LIMIT_PER_IP", default=20)
REGISTRATIONS_RATE_LIMIT_PER_EMAIL = env.int("REGISTRATIONS_RATE_LIMIT_PER_EMAIL", default=5)
# Wrong invitation codes per hour, from one address and for one event (whoever sends them).
REGISTRATIONS_WRONG_CODES_PER_IP = env.int("REGISTRATIONS_WRONG_CODES_PER_IP", default=5)
REGISTRATIONS_WRONG_CODES_PER_EVENT = env.int("REGISTRATIONS_WRONG_CODES_PER_EVENT", default=30)
# As on the trial form: a form sent back quicker than this is shown again to check.
REGISTRATIONS_MIN_FILL_SECONDS = env.float("REGISTRATIONS_MIN_FILL_SECONDS", default=1.0)
REGISTRATIONS_FORM_MAX_AGE_SECONDS = env.int("REGISTRATIONS_FORM_MAX_AGE_SECONDS",
                                             default=2 * 3600)

# The reminder goes to confirmed registrants of events starting within this many hours.
REGISTRATIONS_REMINDER_HOURS = env.int("REGISTRATIONS_REMINDER_HOURS", default=24)
CELERY_BEAT_SCHEDULE["registrations-send-reminders"] = {
    "task": "registrations.send_reminders", "schedule": crontab(minute=23)}
# Emails to registrants still pending after this many minutes are published again.
REGISTRATIONS_NOTICE_RETRY_MINUTES = env.int("REGISTRATIONS_NOTICE_RETRY_MINUTES", default=3)
CELERY_BEAT_SCHEDULE["registrations-sweep-notices"] = {
    "task": "registrations.sweep_notices", "schedule": 60.0}
