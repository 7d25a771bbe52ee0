"""Settings for the Lost in Starlight site, read from the environment (see .env.example)."""

import logging
from pathlib import Path

import environ
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _
from psycopg_pool import ConnectionPool

from config import media

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# Where the admin lives, e.g. "backstage-7f3a/" (default "admin/").
ADMIN_URL = env.str("ADMIN_URL", default="admin/").strip("/") + "/"
# How many proxies of ours append to X-Forwarded-For in front of the site (config/middleware.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

INSTALLED_APPS = [
    # Before the admin: its translation tabs and the films' per-language columns.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "django_htmx",
    "django_tasks_db",
    # Revisions of review articles and film records (config/revisions/).
    "simple_history",
    "config",
    "films",
    "reviews",
]

MIDDLEWARE = [
    "config.middleware.RequestIdMiddleware",
    "config.middleware.ClientIPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # ETags and 304s for every page, from the cache or not.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous readers' pages from the shared cache, before sessions and the view run.
    "config.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who made a revision: the signed-in editor of the request (config/revisions/).
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                # After Django's: no nonce on pages that may be shared.
                "config.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reviews.moderation.context_processors.moderation",
            ],
        },
    },
]

# PostgreSQL through psycopg 3. The pool keeps connections open between requests; Django
# requires CONN_MAX_AGE = 0 with it. django-environ would pass ?pool=true as a string, so
# the pool is switched on here, in Python.
DATABASES = {
    "default": env.db("DATABASE_URL", default="postgres://postgres@127.0.0.1:5432/starlight")
}
if env.bool("DATABASE_POOL", default=True):
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=8),
        "timeout": env.float("DATABASE_POOL_TIMEOUT", default=10),
        # Test each connection as it leaves the pool, so connections broken by a database
        # restart are replaced instead of failing a request.
        "check": ConnectionPool.check_connection,
    }
else:
    # Persistent connections instead (one per thread), tested before each request's first use
    # for the same reason.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="starlight")
if CACHES["default"]["BACKEND"].endswith(".RedisCache"):  # django-environ picks django-redis
    # django-redis keeps one client per server, where Django's own builds one for every call
    # (README, "Performance").
    CACHES["default"]["BACKEND"] = "django_redis.cache.RedisCache"
    # A Redis that stops answering must fail fast (readyz says so), not hang every request.
    CACHES["default"].setdefault("OPTIONS", {}).update(SOCKET_CONNECT_TIMEOUT=2, SOCKET_TIMEOUT=2)
    # Sessions live in the shared cache, so any app server can serve any reader.
    _SESSION_DEFAULT = "django.contrib.sessions.backends.cache"
else:
    _SESSION_DEFAULT = "django.contrib.sessions.backends.db"
SESSION_ENGINE = env.str("SESSION_ENGINE", default=_SESSION_DEFAULT)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English is the source language; Korean is the film's own. Every page's URL names its language
# (config/urls.py); a first visit without one is sent by Accept-Language (README, "Languages").
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("ko", _("Korean"))]
# One catalogue for the whole site, built into .mo files by `make setup` (never committed).
LOCALE_PATHS = [BASE_DIR / "config" / "locale"]
# British English dates ("30 May 2025") and Korean ones ("2025년 5월 30일").
FORMAT_MODULE_PATH = ["config.formats"]
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Seoul")
USE_I18N = True
# Editors' words in both languages (films/translation.py): title_en and title_ko are columns of
# the film's own row. A value missing in the reader's language is shown in the other one, and
# the page says so (films/templatetags/translated.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "ko")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en", "ko")
# Slugs from the English title or name, whichever language the editor works in.
MODELTRANSLATION_PREPOPULATE_LANGUAGE = "en"
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed files need collectstatic first, which development and tests skip;
    # production (DEBUG off) serves them through whitenoise.
    "staticfiles": {
        "BACKEND": env.str("STATICFILES_BACKEND", default="")
        or (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Files with a hash in their name are cached for ten years by whitenoise; this is for the rest.
WHITENOISE_MAX_AGE = env.int("WHITENOISE_MAX_AGE", default=0 if DEBUG else 60 * 60 * 24)
# Uploads (posters) in an S3-compatible bucket, shared by every app server, when one is named.
# Credentials come from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY in the environment (boto3).
# Without one they are files in MEDIA_ROOT, which Django serves itself at MEDIA_URL (nginx
# serves them first when it is in front; config/urls.py, config/nginx.conf).
MEDIA_BUCKET_URL = ""  # where the bucket's files are served, if there is a bucket
if AWS_STORAGE_BUCKET_NAME := env.str("AWS_STORAGE_BUCKET_NAME", default=""):
    _S3 = {
        "endpoint_url": env.str("S3_ENDPOINT_URL", default=""),
        "region": env.str("AWS_S3_REGION_NAME", default=""),
        "custom_domain": env.str("AWS_S3_CUSTOM_DOMAIN", default=""),
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": _S3["endpoint_url"] or None,
            "region_name": _S3["region"] or None,
            "custom_domain": _S3["custom_domain"] or None,
            "querystring_auth": env.bool("AWS_QUERYSTRING_AUTH", default=False),
            "file_overwrite": False,
        },
    }
    # Review bodies may show images from here (reviews/markdown.py), and so may the CSP.
    MEDIA_BUCKET_URL = media.bucket_url(bucket=AWS_STORAGE_BUCKET_NAME, **_S3)

# Mail: printed on the console with DEBUG on; over SMTP with DEBUG off, so that a production
# site without a relay fails loudly (`check --deploy` names it, config/checks.py) rather than
# print its mails into a log. An empty MAIL_BACKEND means unset.
MAILERS = {
    "default": {
        "BACKEND": env.str("MAIL_BACKEND", default="")
        or (
            "django.core.mail.backends.console.EmailBackend"
            if DEBUG
            else "django.core.mail.backends.smtp.EmailBackend"
        )
    }
}
if MAILERS["default"]["BACKEND"] == "django.core.mail.backends.smtp.EmailBackend":
    MAILERS["default"]["OPTIONS"] = {
        "host": env.str("MAIL_HOST", default="localhost"),
        "port": env.int("MAIL_PORT", default=587),
        "username": env.str("MAIL_USERNAME", default=""),
        "password": env.str("MAIL_PASSWORD", default=""),
        "use_tls": env.bool("MAIL_USE_TLS", default=True),
        "timeout": env.int("MAIL_TIMEOUT", default=10),
    }
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Lost in Starlight <hello@localhost>")

# Accounts (django-allauth): sign in with e-mail or username; e-mail must be confirmed.
AUTHENTICATION_BACKENDS = [
    "reviews.readers.accounts.ModelBackend",
    "reviews.readers.accounts.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_ADAPTER = "reviews.readers.accounts.AccountAdapter"
ACCOUNT_FORMS = {"signup": "reviews.readers.forms.SignupForm"}
# Failed sign-ins are throttled per address and per account (allauth's rate limits).
ACCOUNT_RATE_LIMITS = {
    "login_failed": env.str("LOGIN_FAILED_RATE_LIMIT", default="10/m/ip,5/5m/key"),
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}

# Background tasks: the database queue with `manage.py db_worker`; tests run them at once.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# Discussion rules. Rate limits are counted in the shared cache: (requests, seconds).
COMMENT_MAX_LENGTH = 5000
COMMENT_EDIT_MINUTES = 15
# Threads per page of a discussion (each with its replies).
COMMENTS_PER_PAGE = env.int("COMMENTS_PER_PAGE", default=50)
_COMMENT_RATE_WINDOW = env.int("COMMENT_RATE_WINDOW_SECONDS", default=60)
COMMENT_RATE_LIMIT_PER_USER = (env.int("COMMENT_RATE_USER_COUNT", default=5), _COMMENT_RATE_WINDOW)
COMMENT_RATE_LIMIT_PER_IP = (env.int("COMMENT_RATE_IP_COUNT", default=20), _COMMENT_RATE_WINDOW)
COMMENT_DUPLICATE_MINUTES = 10

# Page cache (config/pagecache/): anonymous readers' pages and parts of everyone's pages in the
# shared cache, fresh to the moment; PAGE_CACHE_TIMEOUT bounds how long a value lives at most.
# Proxies and CDNs may keep anonymous pages PAGE_CACHE_SECONDS (s-maxage): a change shows up
# for readers behind them within that time. Each mechanism can be switched off on its own, for
# `make bench` to measure what it brings (README, "Performance").
PAGE_CACHE_ENABLED = env.bool("PAGE_CACHE_ENABLED", default=True)
PAGE_CACHE_WHOLE_PAGES = env.bool("PAGE_CACHE_WHOLE_PAGES", default=True)
PAGE_CACHE_FRAGMENTS = env.bool("PAGE_CACHE_FRAGMENTS", default=True)
PAGE_CACHE_PROCESS_COPIES = env.bool("PAGE_CACHE_PROCESS_COPIES", default=True)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=10)
PAGE_CACHE_TIMEOUT = env.int("PAGE_CACHE_TIMEOUT", default=60 * 60)
# Names what a release caches (e.g. the deployed commit); by default a digest of the sources.
PAGE_CACHE_RELEASE = env.str("PAGE_CACHE_RELEASE", default="")
# Cookies that change an anonymous page, each with the function that reduces its value to the
# few versions a page has ("" for none): they join the whole-page cache key. The spoiler gate's
# progress, in five-minute buckets (reviews/spoilers/gate.py). nginx passes such requests on.
PAGE_CACHE_KEY_COOKIES = {"watch_progress": "reviews.spoilers.gate.canonical_cookie"}

SITE_NAME = "Starlight Reviews"
# The film the home page features; the seed command creates it.
FEATURED_FILM_SLUG = env.str("FEATURED_FILM_SLUG", default="lost-in-starlight")

REVIEWS_PER_PAGE = 10
FILMS_PER_PAGE = 12

# The site's public address, for links in e-mails sent outside a request.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Letterboxd imports (reviews/diary/letterboxd/): a larger upload is refused with a message
# before it is read; a zip's CSV files may unpack to LETTERBOXD_MAX_UNZIPPED_BYTES together.
LETTERBOXD_MAX_UPLOAD_BYTES = env.int("LETTERBOXD_MAX_UPLOAD_BYTES", default=10 * 1024 * 1024)
LETTERBOXD_MAX_UNZIPPED_BYTES = env.int("LETTERBOXD_MAX_UNZIPPED_BYTES", default=50 * 1024 * 1024)
# Uploads above this are spooled to a temporary file, not held in memory, so an oversized one
# costs disk until refused; form fields other than files stay within Django's 2.5 MB.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

# Moderation rules (see reviews/moderation/rules.py): a new reader's first N comments are held, as are
# comments with more than MAX_LINKS links; K distinct reports hide a published comment.
MODERATION_NEW_ACCOUNT_HELD = env.int("MODERATION_NEW_ACCOUNT_HELD", default=1)
MODERATION_MAX_LINKS = env.int("MODERATION_MAX_LINKS", default=2)
MODERATION_REPEAT_WINDOW_HOURS = env.int("MODERATION_REPEAT_WINDOW_HOURS", default=24)
MODERATION_REPORTS_TO_HIDE = env.int("MODERATION_REPORTS_TO_HIDE", default=3)
MODERATION_QUEUE_PAGE_SIZE = 25

# --- Security -----------------------------------------------------------------------------
# Production hardening follows from DEBUG=false; each piece can be overridden from the
# environment (e.g. SECURE_SSL_REDIRECT=false to try the production setup over plain HTTP on
# loopback with `make serve`).
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers ask for these over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
# No script reads the CSRF cookie: forms carry the token, htmx sends the forms.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = CSRF_COOKIE_SAMESITE = "Lax"
# Scripts only from our origin and with the page's nonce (htmx); no inline styles anywhere.
# Images: our own, the bucket's (if uploads go to one) and any other origins named.
_MEDIA_ORIGINS = [
    origin
    for origin in dict.fromkeys([MEDIA_BUCKET_URL, *env.list("CSP_MEDIA_ORIGINS", default=[])])
    if origin
]
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *_MEDIA_ORIGINS],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Browser features the site never uses, switched off for it and anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "browsing-topics",
    )
}

# --- Logs -----------------------------------------------------------------------------------
# One JSON object a line on stderr (LOG_FORMAT=json, the default in production), each with the
# request id; "plain" reads better in a development terminal.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.logging.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "config.logging.JsonFormatter"},
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": env.str("LOG_FORMAT", default="plain" if DEBUG else "json"),
            "filters": ["request_id"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # Django's own loggers come with handlers of their own: replace them, or lines print twice.
    "loggers": {
        "django": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.server": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
    },
}
# Python warnings (a library's at start-up, say) go through logging too, so that every line a
# server writes is one JSON object.
logging.captureWarnings(True)
