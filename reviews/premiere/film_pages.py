"""The premiere's banner on its film's page (registered with films.pages when the app starts)."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from config import pagecache
from films import stamps as film_stamps
from films.models import Film
from films.pages import FilmPageParts
from reviews.premiere.banner import banner_context


def premiere_of_film(request: HttpRequest, film: Film) -> FilmPageParts:
    """The same for every reader; kept with the film's body, which the premiere's start and
    end make stale by themselves (films/stamps.py: next_premiere_change)."""
    context = banner_context(film, request=request)
    html = render_to_string("includes/premiere_banner.html", context, request)
    return FilmPageParts(
        banner=html, stamps=[film_stamps.PREMIERES, pagecache.stamp_for(Film, film.pk)]
    )
