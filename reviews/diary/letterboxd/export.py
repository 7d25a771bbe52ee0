"""A reader's ratings, diary, watchlist, reviews and comments as a zip of CSV files in
Letterboxd's export format, which Letterboxd (and our own import) reads back."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import User
from django.utils import timezone, translation

from films.models import Film
from reviews.diary.letterboxd import formats
from reviews.diary.models import DiaryEntry, Rating, WatchlistEntry
from reviews.discussion.models import Comment

# A film's title in each language is a column of its row (films/translation.py).
FILM_FIELDS = ("film__title_en", "film__title_ko", "film__slug", "film__release_date")


def _csv(header: Iterable[str], rows: Iterable[Iterable]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _film(film: Film) -> list:
    """Name, Year, Letterboxd URI: our own address of the film. The English title (or the
    Korean one when there is none), whatever the reader's language: Letterboxd matches it."""
    with translation.override(settings.LANGUAGE_CODE):
        title = film.title
    return [title, film.release_year, settings.SITE_URL + film.get_absolute_url()]


def _day(moment) -> str:
    return timezone.localdate(moment).isoformat()


def ratings_csv(reader: User) -> str:
    ratings = (
        Rating.objects.filter(reader=reader)
        .select_related("film")
        .only("score", "rated_at", *FILM_FIELDS)
    )
    return _csv(
        formats.COLUMNS[formats.RATINGS],
        (
            [_day(r.rated_at), *_film(r.film), formats.stars(r.score)]
            for r in ratings.order_by("rated_at", "pk")
        ),
    )


def watchlist_csv(reader: User) -> str:
    listed = WatchlistEntry.objects.filter(reader=reader).select_related("film")
    return _csv(
        formats.COLUMNS[formats.WATCHLIST],
        ([_day(w.added_at), *_film(w.film)] for w in listed.only("added_at", *FILM_FIELDS)),
    )


def _diary_row(entry: DiaryEntry, *, with_review: bool) -> list:
    return [
        _day(entry.created_at),
        *_film(entry.film),
        formats.stars(entry.score),
        "Yes" if entry.rewatch else "",
        *([entry.review] if with_review else []),
        ", ".join(entry.tags),
        entry.watched_on.isoformat(),
    ]


def diary_and_reviews_csv(reader: User) -> tuple[str, str]:
    """diary.csv lists every entry, reviews.csv those with a review, as Letterboxd does."""
    entries = list(
        DiaryEntry.objects.filter(reader=reader)
        .select_related("film")
        .only("created_at", "watched_on", "rewatch", "score", "tags", "review", *FILM_FIELDS)
        .order_by("watched_on", "created_at", "pk")
    )
    diary = _csv(
        formats.COLUMNS[formats.DIARY], (_diary_row(e, with_review=False) for e in entries)
    )
    reviews = _csv(
        formats.COLUMNS[formats.REVIEWS],
        (_diary_row(e, with_review=True) for e in entries if e.review),
    )
    return diary, reviews


def comments_csv(reader: User) -> str:
    """The reader's comments on review articles, with the review's headline and a link."""
    comments = (
        Comment.objects.filter(author=reader, deleted_at__isnull=True)
        .select_related("review")
        .only("created_at", "body", "review__headline")
        .order_by("created_at", "pk")
    )
    return _csv(
        formats.COMMENTS_COLUMNS,
        (
            [
                _day(c.created_at),
                c.review.headline,
                settings.SITE_URL + c.get_absolute_url(),
                c.body,
            ]
            for c in comments
        ),
    )


def export_zip(*, reader: User) -> bytes:
    """The zip, in memory: a reader's own data is small next to what fits there."""
    diary, reviews = diary_and_reviews_csv(reader)
    files = {
        "ratings.csv": ratings_csv(reader),
        "diary.csv": diary,
        "watchlist.csv": watchlist_csv(reader),
        "reviews.csv": reviews,
        "comments.csv": comments_csv(reader),
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, text in files.items():
            archive.writestr(name, text)
    return out.getvalue()
