"""The readers' part of a film's page (registered with films.pages when the app starts): their
average, count and histogram, and for a signed-in reader their own rating, watchlist and diary
controls. Anonymous pages are kept whole, so theirs holds nothing of one request."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string

from films.models import Film
from films.pages import FilmPageParts
from reviews.diary import selectors
from reviews.diary.forms import RatingForm

TEMPLATE = "reviews/diary/film_parts.html"


def score_context(
    request: HttpRequest, film: Film, *, rating_form: RatingForm | None = None
) -> dict:
    context = {"film": film, **selectors.film_scores(film)}
    if request.user.is_authenticated:
        state = selectors.reader_state(request.user, film)
        context |= {
            "state": state,
            "rating_form": rating_form or RatingForm(initial={"score": state.score}),
        }
    return context


def readers_of_film(request: HttpRequest, film: Film) -> FilmPageParts:
    # The readers' score is read off the film's row, whose stamp the page depends on already.
    return FilmPageParts(
        score=render_to_string(f"{TEMPLATE}#readers", score_context(request, film), request)
    )
