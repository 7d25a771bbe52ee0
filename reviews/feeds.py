"""Atom feeds of published reviews: the latest on the site, and the latest of each film.

One of each per language, at that language's address (/en/feeds/reviews/, /ko/feeds/reviews/):
written in it, and holding the articles written in it."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse, reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from films.models import Film
from reviews.models import Review

FEED_LENGTH = 20


class LatestReviewsFeed(Feed):
    """The latest published reviews; scheduled ones enter when due, drafts never."""

    feed_type = Atom1Feed
    link = reverse_lazy("reviews:review-list")

    # Methods, not attributes: the feed is written in the language of the request.
    def title(self) -> str:
        return _("%(site)s: latest reviews") % {"site": settings.SITE_NAME}

    def subtitle(self) -> str:
        return _("New reviews of Lost in Starlight and the animated films around it.")

    def reviews(self):
        return (
            Review.objects.published()
            .in_language(get_language())
            .select_related("film", "author__profile")
            .defer("body", "body_html")
        )

    def items(self):
        return self.reviews()[:FEED_LENGTH]

    def item_title(self, review: Review) -> str:
        return review.headline

    def item_description(self, review: Review) -> str:
        # Atom's summary; the standfirst is written to stand alone, and it holds no spoilers.
        return review.standfirst

    def item_pubdate(self, review: Review):
        return review.publish_at

    def item_updateddate(self, review: Review):
        # An article edited before its scheduled time was first seen when it went live.
        return max(review.updated_at, review.publish_at)

    def item_author_name(self, review: Review) -> str:
        profile = getattr(review.author, "profile", None)
        return profile.display_name if profile else review.author.get_username()

    def item_categories(self, review: Review) -> list[str]:
        return [review.film.title]


class FilmReviewsFeed(LatestReviewsFeed):
    """The latest published reviews of one film."""

    def get_object(self, request, slug: str) -> Film:
        return get_object_or_404(Film, slug=slug)

    def title(self, film: Film) -> str:
        return _("%(site)s: reviews of %(film)s") % {"site": settings.SITE_NAME, "film": film.title}

    def subtitle(self, film: Film) -> str:
        return _("New reviews of %(film)s (%(year)s).") % {
            "film": film.title,
            "year": film.release_year,
        }

    def link(self, film: Film) -> str:
        return reverse("reviews:film-reviews", kwargs={"slug": film.slug})

    def items(self, film: Film):
        return self.reviews().filter(film=film)[:FEED_LENGTH]
