"""sitemap.xml: the public pages, with the dates they last changed."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.db.models.functions import Greatest
from django.urls import reverse

from films.models import Film, Person
from reviews.models import Review


class StaticSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.6

    def items(self) -> list[str]:
        return ["home", "films:film-list", "reviews:review-list"]

    def location(self, name: str) -> str:
        return reverse(name)


class FilmSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.8

    def items(self):
        return Film.objects.order_by("pk")

    def lastmod(self, film: Film):
        return film.updated_at


class PersonSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Person.objects.order_by("pk")

    def lastmod(self, person: Person):
        return person.updated_at


class ReviewSitemap(Sitemap):
    """Published reviews only: drafts and scheduled reviews are 404 to the public."""

    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return (
            Review.objects.published()
            .annotate(last_changed=Greatest("updated_at", "publish_at"))
            .only("slug", "updated_at", "publish_at")
            .order_by("pk")
        )

    def lastmod(self, review: Review):
        return review.last_changed


sitemaps = {
    "pages": StaticSitemap,
    "films": FilmSitemap,
    "people": PersonSitemap,
    "reviews": ReviewSitemap,
}
