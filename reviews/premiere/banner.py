"""What a premiere's banner says: it is on until when, or when it begins; after it ends, on
its thread alone, that the thread is read-only."""

from __future__ import annotations

from django.http import HttpRequest

from films.models import Film
from reviews.premiere.selectors import shown_premiere

ON, UPCOMING, ENDED = "on", "upcoming", "ended"


def banner_context(film: Film, *, request: HttpRequest | None = None, on_thread=False) -> dict:
    premiere = shown_premiere(film.pk, request)
    if premiere is None:
        return {"premiere": None}
    if premiere.is_on():
        state = ON
    elif premiere.has_ended():
        state = ENDED
    else:
        state = UPCOMING
    if state == ENDED and not on_thread:
        return {"premiere": None}
    return {"premiere": premiere, "premiere_state": state, "on_thread": on_thread}
