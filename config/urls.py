from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from config import health
from config.admin_login import admin_login
from config.sitemaps import sitemaps
from config.views import robots_txt
from reviews.views import HomeView

urlpatterns = [
    path("", HomeView.as_view(), name="home"),
    path("", include("films.urls")),
    path("", include("reviews.urls")),
    path("accounts/", include("allauth.urls")),
    # The admin signs in through the site's throttled sign-in page (config/admin_login.py).
    path(f"{settings.ADMIN_URL}login/", admin_login),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
