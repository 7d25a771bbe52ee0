"""What readers do with films: rate them, log watches (with a review), keep a watchlist, and
like each other's reviews. Reader reviews pass the same screen as comments."""

from __future__ import annotations

import functools
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import gettext as _

from films import timecodes
from films.models import Film
from reviews import stamps
from reviews.diary.models import (
    REVIEW_MAX_LENGTH,
    TAG_MAX_LENGTH,
    DiaryEntry,
    Rating,
    ReaderReviewLike,
    WatchlistEntry,
)
from reviews.discussion import screening
from reviews.discussion.models import Comment
from reviews.spoilers import services as spoilers

MAX_TAGS = 20


def _recount_scores(film_pk: int) -> None:
    """Count the film's ratings again, under the film's row lock (taken by the caller), so
    concurrent ratings of one film each see the others' committed rows."""
    counts = [0] * 10
    for score, n in (
        Rating.objects.filter(film_id=film_pk).values_list("score").annotate(n=Count("pk"))
    ):
        counts[score - 1] = n
    Film.objects.filter(pk=film_pk).update(reader_score_counts=counts)


def _check_score(score: int) -> None:
    if score not in range(1, 11):
        raise ValidationError(
            _("A rating is from half a star to five stars, in half stars."), code="score_range"
        )


@functools.cache
def _rating_sql() -> tuple[str, str]:
    """The statements that set and remove a rating, each changing the film's counts (a
    PostgreSQL array, 1-based like the scores) by one in the same statement, written out
    once from the models' tables. One statement, committed on its own, instead of five: the
    film's row, which every rating of it writes, is held for the shortest time."""
    rating, film = Rating._meta.db_table, Film._meta.db_table

    def counts(*, add: str, remove: str) -> str:
        return f"""UPDATE {film} SET reader_score_counts = ARRAY(
                SELECT n + (i IS NOT DISTINCT FROM {add})::int - (i IS NOT DISTINCT FROM {remove})::int
                FROM unnest(reader_score_counts) WITH ORDINALITY AS counts(n, i) ORDER BY i
            ) WHERE id = %(film)s"""

    own = "reader_id = %(reader)s AND film_id = %(film)s"
    old = "(SELECT score FROM old)"
    set_sql = f"""
        WITH old AS (SELECT score FROM {rating} WHERE {own} FOR UPDATE),
        changed AS (
            UPDATE {rating} SET score = %(score)s, rated_at = %(now)s
            WHERE {own} AND EXISTS (SELECT 1 FROM old) RETURNING 1
        ),
        added AS (
            INSERT INTO {rating} (reader_id, film_id, score, rated_at)
            SELECT %(reader)s, %(film)s, %(score)s, %(now)s WHERE NOT EXISTS (SELECT 1 FROM old)
            ON CONFLICT (reader_id, film_id) DO NOTHING RETURNING 1
        ),
        counted AS (
            {counts(add="%(score)s", remove=old)}
            AND (EXISTS (SELECT 1 FROM added)
                 OR (EXISTS (SELECT 1 FROM changed) AND {old} <> %(score)s))
            RETURNING 1
        )
        SELECT EXISTS (SELECT 1 FROM changed) OR EXISTS (SELECT 1 FROM added),
               EXISTS (SELECT 1 FROM counted)
    """
    remove_sql = f"""
        WITH gone AS (DELETE FROM {rating} WHERE {own} RETURNING score)
        {counts(add="NULL", remove="(SELECT score FROM gone)")}
        AND EXISTS (SELECT 1 FROM gone) RETURNING 1
    """
    return set_sql, remove_sql


def rating_set(*, reader: User, film: Film, score: int) -> None:
    """Rate a film, or change the reader's rating of it: one rating per reader and film.
    Atomic as one statement: the reader's own row is locked first (their own concurrent
    changes queue there), the film's counts change by one last."""
    _check_score(score)
    params = {"reader": reader.pk, "film": film.pk, "score": score, "now": timezone.now()}
    with connection.cursor() as cursor:
        while True:
            cursor.execute(_rating_sql()[0], params)
            stored, counted = cursor.fetchone()
            # Not stored: another request of theirs added their first rating of the film
            # between this statement's snapshot and its insert; it is there now to change.
            if stored:
                break
    if counted:
        stamps.ratings_changed(film_pk=film.pk, reader_pk=reader.pk)


def rating_remove(*, reader: User, film: Film) -> None:
    """Remove the reader's rating of the film, if any, and take it off the film's counts, in
    one statement."""
    with connection.cursor() as cursor:
        cursor.execute(_rating_sql()[1], {"reader": reader.pk, "film": film.pk})
        removed = cursor.fetchone() is not None
    if removed:
        stamps.ratings_changed(film_pk=film.pk, reader_pk=reader.pk)


def clean_tags(tags: list[str]) -> list[str]:
    """Tags as readers type them, trimmed, each once (first spelling kept), in their order."""
    kept: dict[str, str] = {}
    for tag in tags:
        tag = " ".join(tag.split())
        if tag and tag.casefold() not in kept:
            kept[tag.casefold()] = tag
    too_long = [tag for tag in kept.values() if len(tag) > TAG_MAX_LENGTH]
    if too_long:
        raise ValidationError(
            _("Keep each tag under %(limit)s characters (%(tag)s… is longer).")
            % {"limit": TAG_MAX_LENGTH, "tag": too_long[0][:20]},
            code="tag_too_long",
        )
    if len(kept) > MAX_TAGS:
        raise ValidationError(
            _("Up to %(limit)s tags, please.") % {"limit": MAX_TAGS}, code="too_many_tags"
        )
    return list(kept.values())


def _screened_review(*, reader: User, review: str) -> tuple[str, str]:
    """The review's moderation status and hold reason, after the comments' screen; raises
    the screen's refusal (a sanction, a blocked term)."""
    if not review:
        return Comment.Status.APPROVED, ""
    if len(review) > REVIEW_MAX_LENGTH:
        raise ValidationError(
            _("Keep a review under %(limit)s characters (this is %(length)s).")
            % {"limit": f"{REVIEW_MAX_LENGTH:,}", "length": f"{len(review):,}"},
            code="too_long",
        )
    verdict = screening.screen(screening.Draft(author=reader, body=review, thread_id=None))
    if verdict.refusal is not None:
        raise verdict.refusal
    if verdict.hold_reason:
        return Comment.Status.PENDING, verdict.hold_reason
    return Comment.Status.APPROVED, ""


def _check_watched_on(watched_on: date) -> None:
    if watched_on > timezone.localdate():
        raise ValidationError(_("The date you watched it cannot be in the future."), code="future")


@transaction.atomic
def watch_log(
    *,
    reader: User,
    film: Film,
    watched_on: date | None = None,
    rewatch: bool = False,
    score: int | None = None,
    review: str = "",
    contains_spoilers: bool = False,
    tags: list[str] | None = None,
    timecode: int | None = None,
) -> DiaryEntry:
    """Log a watch in the reader's diary: a rating given here becomes their rating of the
    film, a review goes through moderation's screen, and the film leaves their watchlist.
    A review may be tagged with a point in the film (`timecode`, seconds)."""
    watched_on = watched_on or timezone.localdate()
    _check_watched_on(watched_on)
    if timecode is not None:
        timecodes.check_inside(timecode, running_time=film.running_time)
    review = review.strip()
    status, held_reason = _screened_review(reader=reader, review=review)
    entry = DiaryEntry.objects.create(
        reader=reader,
        film=film,
        watched_on=watched_on,
        rewatch=rewatch,
        score=score,
        review=review,
        contains_spoilers=contains_spoilers and bool(review),
        tags=clean_tags(tags or []),
        timecode=timecode if review else None,
        review_status=status,
        held_reason=held_reason,
    )
    if score is not None:
        rating_set(reader=reader, film=film, score=score)
    WatchlistEntry.objects.filter(reader=reader, film=film).delete()
    # A logged watch is a finished one: nothing of the film is a spoiler for them any more.
    spoilers.progress_set(reader=reader, film=film, finished=True)
    stamps.diary_changed(entry, waiting=status == Comment.Status.PENDING)
    return entry


@transaction.atomic
def entry_update(
    *,
    entry: DiaryEntry,
    user: User,
    watched_on: date,
    rewatch: bool,
    score: int | None,
    review: str,
    contains_spoilers: bool,
    tags: list[str],
    timecode: int | None = None,
) -> DiaryEntry:
    """A reader edits their own entry; a changed review is screened again."""
    if entry.reader_id != user.pk:
        raise ValidationError(_("You can only edit your own diary."), code="not_yours")
    _check_watched_on(watched_on)
    if timecode is not None:
        timecodes.check_inside(timecode, running_time=entry.film.running_time)
    review = review.strip()
    changed_review = review != entry.review
    if changed_review:
        entry.review_status, entry.held_reason = _screened_review(reader=user, review=review)
        entry.moderation_reason = ""
        entry.edited_at = timezone.now()
    entry.watched_on, entry.rewatch, entry.score = watched_on, rewatch, score
    entry.review, entry.contains_spoilers = review, contains_spoilers and bool(review)
    entry.tags = clean_tags(tags)
    entry.timecode = timecode if review else None
    entry.save()
    if score is not None:
        rating_set(reader=user, film=entry.film, score=score)
    stamps.diary_changed(entry, waiting=changed_review)
    return entry


@transaction.atomic
def entry_delete(*, entry: DiaryEntry, user: User) -> None:
    if entry.reader_id != user.pk:
        raise ValidationError(_("You can only delete from your own diary."), code="not_yours")
    # Its review, reports on it or comments under it may be waiting on the desk.
    waiting = entry.is_review and (
        entry.review_status == Comment.Status.PENDING
        or entry.reports.filter(resolution="open").exists()
        or entry.comments.pending().exists()
    )
    entry.delete()
    stamps.diary_changed(entry, waiting=waiting)


@transaction.atomic
def watchlist_add(*, reader: User, film: Film) -> WatchlistEntry:
    listed, _created = WatchlistEntry.objects.get_or_create(reader=reader, film=film)
    stamps.watchlist_changed(reader_pk=reader.pk)
    return listed


@transaction.atomic
def watchlist_remove(*, reader: User, film: Film) -> None:
    WatchlistEntry.objects.filter(reader=reader, film=film).delete()
    stamps.watchlist_changed(reader_pk=reader.pk)


@transaction.atomic
def review_like(*, entry: DiaryEntry, user: User) -> DiaryEntry:
    """Like a reader review, or take the like back (a second press)."""
    if entry.reader_id == user.pk:
        raise ValidationError(_("You cannot like your own review."), code="own_review")
    like, created = ReaderReviewLike.objects.get_or_create(entry=entry, user=user)
    if not created:
        like.delete()
    DiaryEntry.objects.filter(pk=entry.pk).update(
        like_count=F("like_count") + (1 if created else -1)
    )
    entry.refresh_from_db(fields=["like_count"])
    stamps.diary_changed(entry)
    return entry


@transaction.atomic
def reader_forget(*, user: User) -> None:
    """Before an account goes: its ratings leave the films' counts, its likes the reviews'
    counts, and its entries (with their reviews) leave the pages that showed them."""
    # Their ratings' rows first, then the films' (in one order), as a rating takes them, so
    # a rating sent while the account goes never waits on a lock this holds the other way.
    rated = list(
        user.ratings.select_for_update().order_by("film_id").values_list("film_id", flat=True)
    )
    user.ratings.all().delete()
    for film_pk in rated:
        Film.objects.select_for_update().filter(pk=film_pk).values_list("pk").get()
        _recount_scores(film_pk)
        stamps.ratings_changed(film_pk=film_pk, reader_pk=user.pk)
    liked = ReaderReviewLike.objects.filter(user=user)
    DiaryEntry.objects.filter(pk__in=liked.values("entry_id")).update(
        like_count=F("like_count") - 1
    )
    for entry in DiaryEntry.objects.filter(pk__in=liked.values("entry_id")):
        stamps.diary_changed(entry)
    liked.delete()
    for entry in user.diary_entries.all():
        stamps.diary_changed(entry)
