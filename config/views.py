from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

ROBOTS_DISALLOWED = ["/admin/", "/moderation/"]


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
