"""The film page's "Readers' reviews" section (registered with films.pages when the app starts):
the most liked and the newest published reader reviews, with a link to all of them."""

from __future__ import annotations

from dataclasses import replace

from django.db.models import Count, F, Q, Window
from django.http import HttpRequest
from django.template.loader import render_to_string

from config import pagecache
from films.models import Film
from films.pages import FilmPageParts
from reviews import stamps
from reviews.diary.models import DiaryEntry
from reviews.film_pages import shared_part
from reviews.spoilers.gate import Gate, gate_for, mark_gated

TEMPLATE = "reviews/diary/film_reader_reviews.html"
SHOWN = 4  # of each list


POPULAR = ("-like_count", "-created_at", "-id")
RECENT = ("-created_at", "-id")


def reader_reviews_of_film(request: HttpRequest, film: Film) -> FilmPageParts:
    """Kept like the critics' part (reviews.film_pages.shared_part), once per spoiler gate: it
    collapses what the reader has not watched yet."""
    gate = gate_for(request, film)
    name = f"reader-reviews:{gate.key}"
    parts = shared_part(request, film, name, TEMPLATE, lambda: _build(request, film, gate))
    # A part rendered per reader says what the film's kept body does not depend on (films/
    # views.py takes its stamps out of the body's): the film's own row, which the body shows,
    # stays with the body.
    return replace(parts, stamps=[one for one in parts.stamps if one != pagecache.stamp(film)])


def _build(request: HttpRequest, film: Film, gate: Gate) -> FilmPageParts:
    """One query, two once the film has more reviews than a list shows or a review was taken
    down, however many: the most liked with the count of all (tombstones last, left out of
    it), then the newest, where a taken-down review leaves its tombstone. Rendered without the
    request: the anonymous film page is kept whole, so nothing here is per request (a like is
    a link: to sign in, or to the review's page)."""
    in_place = (
        DiaryEntry.objects.reviews_in_place().filter(film=film).select_related("reader__profile")
    )
    published, taken_down = Q(removed_at=None), ~Q(removed_at=None)
    found = list(
        in_place.annotate(
            total=Window(Count("pk", filter=published)),
            tombstones=Window(Count("pk", filter=taken_down)),
        ).order_by(F("removed_at").asc(nulls_first=True), *POPULAR)[:SHOWN]
    )
    popular = [entry for entry in found if entry.removed_at is None]
    total = found[0].total if found else 0
    if total > SHOWN or (found and found[0].tombstones):
        recent = list(in_place.order_by(*RECENT)[:SHOWN])
    else:  # all of them are in `popular` already
        recent = sorted(popular, key=lambda entry: (entry.created_at, entry.pk), reverse=True)
    context = {
        "film": film,
        "total": total,
        "popular": mark_gated(popular, gate),
        "recent": mark_gated(recent, gate),
        "signed_in": request.user.is_authenticated,
    }
    return FilmPageParts(
        sections=render_to_string(f"{TEMPLATE}#section", context),
        stamps=sorted(pagecache.stamps_of(popular, recent) | {stamps.reader_reviews(film.pk)}),
    )
