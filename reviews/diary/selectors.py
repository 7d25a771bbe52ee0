"""What the diary's pages read: a film's readers' score, a reader's own state for a film, their
diary by month, their profile's figures and their watchlist."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import groupby

from django.contrib.auth.models import User
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from films.models import Film
from reviews.diary.models import DiaryEntry, Rating, WatchlistEntry


def histogram(counts: list[int]) -> list[dict]:
    """Bars for scores 10 down to 1, each as a share of the tallest."""
    most = max([*counts, 1])
    return [
        {
            "score": score,
            "count": counts[score - 1],
            "percent": round(100 * counts[score - 1] / most),
        }
        for score in range(10, 0, -1)
    ]


def film_scores(film: Film) -> dict:
    """The readers' average, count and histogram, read off the film's own row."""
    return {
        "readers_average": film.readers_average,
        "readers_count": film.readers_rating_count,
        "readers_histogram": histogram(film.reader_score_counts),
    }


@dataclass(frozen=True)
class ReaderFilmState:
    score: int | None  # their rating of the film
    on_watchlist: bool
    watches: int  # entries in their diary


def reader_state(user: User, film: Film) -> ReaderFilmState:
    """The signed-in reader's rating, watchlist and diary for one film, in one query."""
    mine = {"reader": user, "film": OuterRef("pk")}
    row = (
        Film.objects.filter(pk=film.pk)
        .annotate(
            own_score=Subquery(Rating.objects.filter(**mine).values("score")[:1]),
            listed=Exists(WatchlistEntry.objects.filter(**mine)),
            watches=Subquery(
                DiaryEntry.objects.filter(**mine)
                .order_by()
                .values("film")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
        )
        .values_list("own_score", "listed", "watches")
        .get()
    )
    return ReaderFilmState(score=row[0], on_watchlist=row[1], watches=row[2] or 0)


def diary_shown(reader: User, viewer: User) -> bool:
    """Whether `viewer` may see `reader`'s diary: theirs, or a public one."""
    if viewer.is_authenticated and viewer.pk == reader.pk:
        return True
    return reader.is_active and not reader.profile.diary_private


def diary_entries(reader: User) -> QuerySet[DiaryEntry]:
    return reader.diary_entries.select_related("film").order_by("-watched_on", "-created_at", "-id")


def by_month(entries) -> list[tuple[date, list[DiaryEntry]]]:
    """A page of entries grouped by the month they were watched, newest first."""
    return [
        (month, list(group))
        for month, group in groupby(entries, key=lambda entry: entry.watched_on.replace(day=1))
    ]


def profile_figures(reader: User) -> dict:
    """Films watched (ever, and this year), the reader's ratings as a histogram and their four
    latest entries: three queries however long the diary."""
    year_start = timezone.localdate().replace(month=1, day=1)
    counted = reader.diary_entries.aggregate(
        films=Count("film", distinct=True),
        this_year=Count("film", distinct=True, filter=Q(watched_on__gte=year_start)),
    )
    counts = [0] * 10
    for score, n in reader.ratings.order_by().values_list("score").annotate(n=Count("pk")):
        counts[score - 1] = n
    return {
        "films_watched": counted["films"],
        "films_this_year": counted["this_year"],
        "ratings_count": sum(counts),
        "ratings_histogram": histogram(counts),
        "latest_entries": list(diary_entries(reader)[:4]),
    }


def watchlist_of(reader: User) -> QuerySet[WatchlistEntry]:
    """The reader's watchlist, newest first, each film with where to watch it."""
    return reader.watchlist.select_related("film").prefetch_related("film__watch_options")
