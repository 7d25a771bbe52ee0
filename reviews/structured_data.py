"""schema.org descriptions of review articles, for JSON-LD (see films/structured_data.py)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest

from films.structured_data import absolute, date_created
from reviews.models import Review


def aggregate_rating(*, average: float | None, count: int) -> dict:
    """What the reviews add to a film's Movie: the critics' average, if any."""
    if not count or average is None:
        return {}
    return {
        "aggregateRating": {
            "@type": "AggregateRating",
            "ratingValue": round(float(average), 1),
            "bestRating": 10,
            "worstRating": 1,
            "reviewCount": count,
        }
    }


def review(request: HttpRequest, review: Review) -> dict:
    film = review.film
    author = review.author
    data = {
        "@context": "https://schema.org",
        "@type": "Review",
        "name": review.headline,
        "headline": review.headline,
        "description": review.standfirst,
        "url": absolute(request, review.get_absolute_url()),
        "author": {
            "@type": "Person",
            "name": getattr(getattr(author, "profile", None), "display_name", "")
            or author.get_username(),
        },
        "publisher": {"@type": "Organization", "name": settings.SITE_NAME},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": review.rating,
            "bestRating": 10,
            "worstRating": 1,
        },
        "itemReviewed": {
            "@type": "Movie",
            "name": film.title,
            "url": absolute(request, film.get_absolute_url()),
            "dateCreated": date_created(film),
        },
    }
    if review.publish_at:
        data["datePublished"] = review.publish_at.isoformat()
    data["dateModified"] = review.updated_at.isoformat()
    if film.original_title:
        data["itemReviewed"]["alternateName"] = film.original_title
    if film.poster:
        data["itemReviewed"]["image"] = absolute(request, film.poster.url)
    return data
