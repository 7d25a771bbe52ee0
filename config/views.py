"""The site's own pages: the home page (composed from the catalogue and the reviews), robots.txt
and uploaded files."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_safe
from django.views.generic import TemplateView
from django.views.static import serve

from config import pagecache
from films import stamps as films_stamps
from films.models import Film
from reviews import stamps as reviews_stamps
from reviews.models import Review

# The moderation desk in each language.
ROBOTS_DISALLOWED = ["/admin/", *(f"/{code}/moderation/" for code, _name in settings.LANGUAGES)]
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


class HomeView(pagecache.CachedPageMixin, TemplateView):
    """The featured film, the latest reviews and the catalogue at a glance."""

    template_name = "home.html"
    FEATURED_REVIEWS = 3
    LATEST_REVIEWS = 6
    FILMS_SHOWN = 8

    def get_context_data(self, **kwargs):
        featured = (
            Film.objects.with_directors()
            .prefetch_related("genres")
            .filter(slug=settings.FEATURED_FILM_SLUG)
            .first()
        )
        # Evaluated here rather than in the template, so "Latest reviews" can leave out the
        # ones already shown under the featured film; still one query.
        featured_reviews = (
            list(featured.reviews.published().for_listing()[: self.FEATURED_REVIEWS])
            if featured
            else []
        )
        latest_reviews = (
            Review.objects.published()
            .for_listing()
            .exclude(pk__in=[review.pk for review in featured_reviews])
        )
        return super().get_context_data(
            featured=featured,
            featured_reviews=featured_reviews,
            latest_reviews=latest_reviews[: self.LATEST_REVIEWS],
            films=Film.objects.with_directors()[: self.FILMS_SHOWN],
            **kwargs,
        )

    def page_stamps(self, context):
        return [films_stamps.CATALOGUE, reviews_stamps.REVIEWS]
