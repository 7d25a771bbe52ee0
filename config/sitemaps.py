"""sitemap.xml: the site's main pages, and each app's own sitemaps."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from films.sitemaps import FilmSitemap, PersonSitemap, SceneSitemap
from reviews.sitemaps import ReviewSitemap


class StaticSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6
    # Each page in every language, each entry naming the others (xhtml:link) and x-default.
    i18n = alternates = x_default = True

    def items(self) -> list[str]:
        return ["home", "films:film-list", "reviews:review-list"]

    def location(self, name: str) -> str:
        return reverse(name)


sitemaps = {
    "pages": StaticSitemap,
    "films": FilmSitemap,
    "people": PersonSitemap,
    "scenes": SceneSitemap,
    "reviews": ReviewSitemap,
}
