"""Which premiere a film's pages show: the one on now, else the next, else the last one (its
thread stays readable). Kept in the shared cache until the schedule changes or the premiere
begins or ends, so banners, the live thread's polls and the posting rules ask no database."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone

from config import pagecache
from films import stamps as film_stamps
from films.models import Film, Premiere


def shown_premiere(film_pk: int, request: HttpRequest | None = None) -> Premiere | None:
    """The film's premiere as its pages show it (with its film loaded), or None. Looked up
    once per request: the banner and the spoiler gate both ask."""
    if request is not None:
        asked = request.__dict__.setdefault("_shown_premieres", {})
        if film_pk not in asked:
            asked[film_pk] = _shown_premiere(film_pk, request)
        return asked[film_pk]
    return _shown_premiere(film_pk, request)


def _shown_premiere(film_pk: int, request: HttpRequest | None) -> Premiere | None:

    def compute():
        now = timezone.now()
        # A film has a handful of premieres: all of them in one query, chosen here.
        premieres = list(Premiere.objects.filter(film_id=film_pk).select_related("film"))
        coming = sorted((p for p in premieres if not p.has_ended(now)), key=starts)
        premiere = coming[0] if coming else max(premieres, key=ends, default=None)
        depends = [film_stamps.PREMIERES, pagecache.stamp_for(Film, film_pk)]
        if premiere is None or premiere.has_ended(now):
            return premiere, depends, None
        # Kept until it begins or ends: the banner and the rules change then.
        until = premiere.starts_at if premiere.starts_at > now else premiere.ends_at
        return premiere, depends, until.timestamp()

    return pagecache.page_part(
        request, f"premiere-of-film:{film_pk}", compute, localised=False
    ).value


def starts(premiere: Premiere):
    return premiere.starts_at


def ends(premiere: Premiere):
    return premiere.ends_at


def premiere_on_now(film_pk: int, request: HttpRequest | None = None) -> Premiere | None:
    """The film's premiere if it is on now: its rules hold on every thread about the film."""
    premiere = shown_premiere(film_pk, request)
    return premiere if premiere is not None and premiere.is_on() else None
