"""The reviews' parts of a film's page (registered with films.pages when the app starts): the
critics' score with its histogram, the film's reviews and their feed."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.template.loader import render_to_string

from config import pagecache
from films.models import Film
from films.pages import FilmPageParts
from reviews import stamps, structured_data
from reviews.models import Review

TEMPLATE = "reviews/film_parts.html"


def shared_part(
    request: HttpRequest, film: Film, name: str, template: str, build: Callable[[], FilmPageParts]
) -> FilmPageParts:
    """A part of the film page that is the same for every reader, kept (for signed-in readers,
    whose pages are put together per request) until what it shows changes. It never shows the
    readers' score, so a rating leaves it alone."""
    made_of = (
        pagecache.template_version(template),
        request.get_host(),
        request.user.is_authenticated,
    )
    key = f"film-part:{name}:{film.pk}:{pagecache.digest(made_of)}"

    def compute() -> tuple[FilmPageParts, set[str]]:
        parts = build()
        parts.stamps = sorted(
            {*parts.stamps, pagecache.stamp(film)} - {stamps.film_scores(film.pk)}
        )
        return parts, set(parts.stamps)

    return pagecache.page_part(request, key, compute).value


def reviews_of_film(request: HttpRequest, film: Film) -> FilmPageParts:
    def build() -> FilmPageParts:
        reviews = list(film.reviews.published().for_listing())
        summary = Review.objects.filter(film=film).published().rating_summary()
        context = {"film": film, "reviews": reviews, **summary}
        return FilmPageParts(
            head=render_to_string(f"{TEMPLATE}#head", context, request),
            score=render_to_string(f"{TEMPLATE}#score", context, request),
            sections=render_to_string(f"{TEMPLATE}#sections", context, request),
            json_ld=structured_data.aggregate_rating(
                average=summary["average_rating"], count=summary["review_count"]
            ),
            stamps=sorted(pagecache.stamps_of(reviews) | {stamps.film_reviews(film.pk)}),
        )

    return shared_part(request, film, "critics", TEMPLATE, build)
