"""schema.org descriptions of our pages as plain dicts, for JSON-LD.

Built from model fields in Python and serialised by the `json_ld` template tag, never by
pasting text into a JSON string in a template.
"""

from __future__ import annotations

from django.http import HttpRequest

from films.models import Film, Person


def absolute(request: HttpRequest, path: str) -> str:
    return request.build_absolute_uri(path)


def date_created(film: Film) -> str:
    if film.release_date_precision == Film.DatePrecision.YEAR:
        return str(film.release_date.year)
    return film.release_date.isoformat()


def movie(
    request: HttpRequest,
    film: Film,
    *,
    directors: list[Person] | None = None,
    extra: dict | None = None,
) -> dict:
    """A schema.org Movie; `extra` is what other apps add to the film's page (the reviews
    app: its aggregate rating)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Movie",
        "name": film.title,
        "url": absolute(request, film.get_absolute_url()),
        "dateCreated": date_created(film),
    }
    if film.original_title:
        data["alternateName"] = film.original_title
    if film.original_language:
        data["inLanguage"] = film.original_language
    if film.synopsis or film.tagline:
        data["description"] = film.synopsis or film.tagline
    if film.poster:
        data["image"] = absolute(request, film.poster.url)
    if film.running_time:
        data["duration"] = f"PT{film.running_time}M"
    if directors:
        data["director"] = [
            {"@type": "Person", "name": p.name, "url": absolute(request, p.get_absolute_url())}
            for p in directors
        ]
    genres = [genre.name for genre in film.genres.all()]
    if genres:
        data["genre"] = genres
    data.update(extra or {})
    return data


def person(request: HttpRequest, person: Person) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Person",
        "name": person.name,
        "url": absolute(request, person.get_absolute_url()),
    }
    if person.original_name:
        data["alternateName"] = person.original_name
    if person.bio:
        data["description"] = person.bio
    return data
