"""schema.org descriptions of our pages as plain dicts, for JSON-LD.

Built from model fields in Python and serialised by the `json_ld` template tag, never by
pasting text into a JSON string in a template.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse

from films.models import Film, Person
from reviews.models import Review


def _absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def _date(film: Film) -> str:
    if film.release_date_precision == Film.DatePrecision.YEAR:
        return str(film.release_date.year)
    return film.release_date.isoformat()


def movie(
    request: HttpRequest,
    film: Film,
    *,
    directors: list[Person] | None = None,
    average_rating: float | None = None,
    review_count: int = 0,
) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": film.title,
        "url": _absolute(request, film.get_absolute_url()),
        "dateCreated": _date(film),
    }
    if film.original_title:
        data["alternateName"] = film.original_title
    if film.original_language:
        data["inLanguage"] = film.original_language
    if film.synopsis or film.tagline:
        data["description"] = film.synopsis or film.tagline
    if film.poster:
        data["image"] = _absolute(request, film.poster.url)
    if film.running_time:
        data["duration"] = f"PT{film.running_time}M"
    if directors:
        data["director"] = [
            {"@type": "Person", "name": p.name, "url": _absolute(request, p.get_absolute_url())}
            for p in directors
        ]
    genres = [genre.name for genre in film.genres.all()]
    if genres:
        data["genre"] = genres
    if review_count and average_rating is not None:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(float(average_rating), 1),
            "bestRating": 10,
            "worstRating": 1,
            "reviewCount": review_count,
        }
    return data


def review(request: HttpRequest, review: Review) -> dict:
    film = review.film
    author = review.author
    data = {
        "@context": "https://schema.org",
        "@type": "Review",
        "name": review.headline,
        "headline": review.headline,
        "description": review.standfirst,
        "url": _absolute(request, review.get_absolute_url()),
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
            "url": _absolute(request, film.get_absolute_url()),
            "dateCreated": _date(film),
        },
    }
    if review.publish_at:
        data["datePublished"] = review.publish_at.isoformat()
    data["dateModified"] = review.updated_at.isoformat()
    if film.original_title:
        data["itemReviewed"]["alternateName"] = film.original_title
    if film.poster:
        data["itemReviewed"]["image"] = _absolute(request, film.poster.url)
    return data


def person(request: HttpRequest, person: Person) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": _absolute(request, person.get_absolute_url()),
    }
    if person.original_name:
        data["alternateName"] = person.original_name
    if person.bio:
        data["description"] = person.bio
    return data


def breadcrumbs(request: HttpRequest, trail: list[tuple[str, str]]) -> dict:
    """A BreadcrumbList from (name, path) pairs; Home comes first by itself."""
    trail = [(settings.SITE_NAME, reverse("home")), *trail]
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": _absolute(request, path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }
