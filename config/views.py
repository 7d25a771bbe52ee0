from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from django.views.static import serve

ROBOTS_DISALLOWED = ["/admin/", "/moderation/"]
# A new upload gets a name of its own, but a name can come back after a deletion: a day, not
# forever. config/nginx.conf gives the same lifetime.
MEDIA_MAX_AGE = 60 * 60 * 24


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    """Crawlers may read the site, not the admin or the moderation desk; the sitemap says what
    there is."""
    lines = [
        "User-agent: *",
        *(f"Disallow: {path}" for path in ROBOTS_DISALLOWED),
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
@cache_control(public=True, max_age=MEDIA_MAX_AGE)
def media_file(request: HttpRequest, path: str) -> HttpResponse:
    """An uploaded file from MEDIA_ROOT, for a site without a proxy that serves them first.

    Django's own static view: it refuses paths outside MEDIA_ROOT, lists no directories and
    answers If-Modified-Since with 304.
    """
    return serve(request, path, document_root=settings.MEDIA_ROOT)
