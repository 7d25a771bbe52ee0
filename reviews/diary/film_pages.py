"""The readers' part of a film's page (registered with films.pages, per reader, when the app
starts): their average, count and histogram, and for a signed-in reader their own rating,
watchlist and diary controls. Rendered for each request as a fragment named by everything it
shows (config/pagecache/fragments.py), so a reader whose rating, lists and film's scores are
as before gets the HTML rendered last time."""

from __future__ import annotations

from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.utils.safestring import SafeString

from config import pagecache
from config.pagecache.fragments import render_fragments
from films.models import Film
from films.pages import FilmPageParts
from reviews import stamps
from reviews.diary import selectors
from reviews.diary.forms import SCORE_CHOICES, RatingForm

TEMPLATE = "reviews/diary/film_parts.html"


def panel_context(
    request: HttpRequest, film: Film, *, rating_form: RatingForm | None = None
) -> dict:
    """What the panel shows this reader; with `rating_form`, the rating they sent and why it
    was refused. Plain values only: it is the fragment's key."""
    context = {
        "film_slug": film.slug,
        "film_url": film.get_absolute_url(),
        **selectors.film_scores(film),
        "signed_in": request.user.is_authenticated,
    }
    if request.user.is_authenticated:
        state = _reader_state(request, film)
        if rating_form is not None:
            chosen, errors = rating_form["score"].value(), rating_form.errors
            errors = [str(error) for field_errors in errors.values() for error in field_errors]
        else:
            chosen, errors = state.score, []
        context |= {
            "username": request.user.get_username(),
            "state": state,
            "choices": [(score, str(label)) for score, label in SCORE_CHOICES],
            "chosen": str(chosen) if chosen not in (None, "") else "",
            "rating_errors": errors,
        }
    return context


def _reader_state(request: HttpRequest, film: Film) -> selectors.ReaderFilmState:
    """The reader's rating, watchlist and watches of the film, kept until their diary's stamp
    is bumped (every rating, watch and watchlist change of theirs bumps it)."""
    reader = request.user
    return pagecache.page_part(
        request,
        f"reader-state:{reader.pk}:{film.pk}",
        lambda: (selectors.reader_state(reader, film), [stamps.diary_of(reader.pk)]),
        localised=False,
    ).value


def readers_panel(
    request: HttpRequest, film: Film, *, rating_form: RatingForm | None = None
) -> SafeString:
    context = panel_context(request, film, rating_form=rating_form)
    csrf_token = get_token(request) if request.user.is_authenticated else ""
    [html] = render_fragments([context], f"{TEMPLATE}#readers", dict, csrf_token=csrf_token)
    return html


def readers_of_film(request: HttpRequest, film: Film) -> FilmPageParts:
    # What the panel shows of the film's scores: a page kept for anyone depends on it, the
    # film's body kept for signed-in readers does not (films/views.py).
    return FilmPageParts(score=readers_panel(request, film), stamps=[stamps.film_scores(film.pk)])
