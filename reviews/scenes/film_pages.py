"""The film page's scene index (registered with films.pages when the app starts): each scene
with its start and how many comments are in it, kept like the critics' part."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from films.models import Film
from films.pages import FilmPageParts
from reviews import stamps
from reviews.film_pages import shared_part
from reviews.scenes import selectors

TEMPLATE = "reviews/scenes/film_parts.html"


def scenes_of_film(request: HttpRequest, film: Film) -> FilmPageParts:
    def build() -> FilmPageParts:
        index = selectors.scene_index(film)
        # Which comments count: posted or tagged (the timeline), under which public reviews.
        depends = [
            stamps.film_timeline(film.pk),
            stamps.film_reviews(film.pk),
            stamps.reader_reviews(film.pk),
        ]
        if not index:
            return FilmPageParts(stamps=depends)
        context = {"film": film, "scene_index": index}
        return FilmPageParts(
            sections=render_to_string(f"{TEMPLATE}#sections", context, request), stamps=depends
        )

    return shared_part(request, film, "scenes", TEMPLATE, build)
