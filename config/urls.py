import re

from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.core.files.storage import FileSystemStorage, storages
from django.urls import include, path, re_path

from config import health
from config.sitemaps import sitemaps
from config.views import HomeView, media_file, robots_txt
from reviews.readers.languages import language_switch

# The admin signs in through the site's sign-in page, whose failed attempts allauth throttles;
# a signed-in account without staff access gets a 403 rather than a loop.
admin.site.login = secure_admin_login(admin.site.login)

# Every reader's page names its language: /en/... and /ko/... A path without one is sent to the
# reader's language (their choice, else Accept-Language) by LocaleMiddleware.
urlpatterns = i18n_patterns(
    path("", HomeView.as_view(), name="home"),
    path("", include("films.urls")),
    path("", include("reviews.urls")),
    path("", include("reviews.discussion.urls")),
    path("", include("reviews.notes.urls")),
    path("", include("reviews.moderation.urls")),
    path("", include("reviews.appeals.urls")),
    path("", include("reviews.readers.urls")),
    path("", include("reviews.diary.urls")),
    path("", include("reviews.scenes.urls")),
    path("", include("reviews.spoilers.urls")),
    path("", include("reviews.premiere.urls")),
    path("", include("reviews.editorial.urls")),
    path("", include("reviews.transparency.urls")),
    path("accounts/", include("allauth.urls")),
)
# The admin follows the editor's chosen language (the language menu's cookie), at one address.
urlpatterns += [
    path("language/", language_switch, name="set_language"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

# Uploads on this machine's disk are served by Django itself, DEBUG or not, so that `make serve`
# shows them; behind nginx, nginx answers /media/ first (config/nginx.conf). Uploads in a bucket
# are served by the bucket or its CDN, never from here.
if isinstance(storages["default"], FileSystemStorage):
    urlpatterns.append(
        re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", media_file)
    )
