"""What the reviews app's changes make stale, beyond the objects themselves (which every page
showing them depends on: config/pagecache/stamps.py), and what its objects show beyond their
own rows. Called by the app's services only."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import User

from config import pagecache
from films.models import Film
from reviews.models import Review

# Which reviews are public, in what order, under what headline: lists, the search, the desk's
# filter by review.
REVIEWS = "reviews.reviews"
# Which comments wait for a moderator.
WAITING = "reviews.waiting"
# Which moderation decisions there are: the public moderation log (reviews/transparency).
MODERATION_LOG = "reviews.moderation-log"


def film_reviews(film_pk: int) -> str:
    """Which reviews of a film are public."""
    return f"reviews.film-reviews:{film_pk}"


def translations(original_pk: int) -> str:
    """Which versions of an article, in its languages, are published and under what headline."""
    return f"reviews.translations:{original_pk}"


def _versions_shown(review: Review) -> Iterable[str]:
    """A review shown with its links to its other languages (`with_translations`) depends on
    its versions; on the public list too while one of them waits for its scheduled time."""
    if "translated_versions" not in vars(review):
        return
    yield translations(review.original_id)
    if len(review.translation_links()) < len(review.translated_versions or []):
        yield REVIEWS  # a scheduled version: next_publication bumps REVIEWS when it is due


def discussion(review_pk: int) -> str:
    """Which comments a review's discussion shows, and what it shows of each."""
    return f"reviews.discussion:{review_pk}"


def entry_discussion(entry_pk: int) -> str:
    """Which comments a reader review's discussion shows, and what it shows of each."""
    return f"reviews.entry-discussion:{entry_pk}"


def notes(review_pk: int) -> str:
    """Which readers' notes a review's paragraphs have, and what each shows (reviews/notes)."""
    return f"reviews.notes:{review_pk}"


def scene_discussion(scene_pk: int) -> str:
    """Which comments a scene's thread shows, and what it shows of each."""
    return f"reviews.scene-discussion:{scene_pk}"


def film_timeline(film_pk: int) -> str:
    """Which comments are in each scene of a film, posted there or tagged with a time in it:
    the scene index's counts and the scene pages' "elsewhere in this scene"."""
    return f"reviews.film-timeline:{film_pk}"


def premiere_discussion(premiere_pk: int) -> str:
    """Which comments a premiere's live thread shows, and what it shows of each: its live
    updates answer 304 while it is unbumped (reviews/premiere/live.py)."""
    return f"reviews.premiere-discussion:{premiere_pk}"


def discussion_of(comment) -> str:
    """The discussion a comment is in: under a review article, a reader review, a scene or a
    premiere; a
    note on a paragraph is in its review's notes, not in its discussion."""
    if comment.paragraph_id:
        return notes(comment.review_id)
    if comment.premiere_id:
        return premiere_discussion(comment.premiere_id)
    if comment.entry_id:
        return entry_discussion(comment.entry_id)
    if comment.scene_id:
        return scene_discussion(comment.scene_id)
    return discussion(comment.review_id)


def _on_the_timeline(comment) -> Iterable[str]:
    """A comment in a scene's thread, or tagged with a time (now or before the change: say
    `was_tagged`), counts in its film's scene index."""
    if comment.scene_id or comment.timecode is not None or getattr(comment, "was_tagged", False):
        subject = comment.subject
        if subject is not None:
            yield film_timeline(subject.film_id)


def comments_by(user_pk: int) -> str:
    """How many of a reader's comments were published or refused: their history on the desk."""
    return f"reviews.comments-by:{user_pk}"


def sanctions_of(user_pk: int) -> str:
    """A reader's active sanctions, shown on the desk."""
    return f"reviews.sanctions-of:{user_pk}"


def _beyond_the_row(model, attribute: str, stamp) -> None:
    def depends(obj) -> Iterable[str]:
        if attribute in vars(obj):
            yield stamp(obj)

    pagecache.also_depends(model, depends)


def register() -> None:
    """Said once, at start-up (reviews/apps.py)."""
    from reviews.diary.models import DiaryEntry
    from reviews.discussion.models import Comment

    # A review card shows its comment count (ReviewQuerySet.for_listing); a queue item its
    # author's history (moderation.selectors.queue_items), and their active sanctions.
    _beyond_the_row(Review, "comment_count", lambda review: discussion(review.pk))
    # A review article shows its paragraphs' note counts (reviews/notes/display.py).
    _beyond_the_row(Review, "paragraph_notes", lambda review: notes(review.pk))
    pagecache.also_depends(Review, _versions_shown)
    _beyond_the_row(Comment, "author_approved", lambda comment: comments_by(comment.author_id))
    _beyond_the_row(DiaryEntry, "author_approved", lambda entry: comments_by(entry.reader_id))
    _beyond_the_row(User, "active_sanctions", lambda user: sanctions_of(user.pk))
    # A film shows its readers' score wherever it is shown with it (cards, its page).
    _beyond_the_row(Film, "reader_score_counts", lambda film: film_scores(film.pk))
    pagecache.changes_by_itself(next_publication)


def next_publication() -> tuple[float | None, list[str]]:
    """When the next scheduled review goes live (a Unix time, or None): pages that list
    reviews are kept no longer. Asked again once the schedule changes."""
    upcoming = Review.objects.scheduled().order_by("publish_at")
    first = upcoming.values_list("publish_at", flat=True).first()
    return (first.timestamp() if first else None), [REVIEWS]


def review_changed(
    review: Review, *, old_film_id: int | None = None, old_original_id: int | None = None
) -> None:
    """A review was saved, published or unpublished (and perhaps moved from `old_film_id`, or
    was a translation of `old_original_id`): its versions in other languages link to it."""
    films = {review.film_id, old_film_id} - {None}
    originals = {review.original_id, old_original_id} - {None}
    pagecache.changed(
        pagecache.stamp(review),
        REVIEWS,
        *map(film_reviews, films),
        *map(translations, originals),
    )


def paragraphs_changed(review: Review) -> None:
    """A review's paragraphs were matched to its body again (reviews/notes/services.py)."""
    pagecache.changed(pagecache.stamp(review), notes(review.pk))


def review_deleted(review: Review) -> None:
    """A review goes, with its discussion: its comments leave the desk too."""
    review_changed(review)
    pagecache.changed(discussion(review.pk), WAITING)


def comment_changed(comment, *, waiting: bool = False, history: bool = False) -> None:
    """A comment was posted, edited, liked, deleted or decided on: its review's discussion;
    with `waiting`, which comments wait on the desk; with `history`, its author's counts."""
    stamps = [pagecache.stamp(comment), discussion_of(comment), *_on_the_timeline(comment)]
    if waiting:
        stamps.append(WAITING)
    if history and comment.author_id:
        stamps.append(comments_by(comment.author_id))
    pagecache.changed(*stamps)


def decision_recorded() -> None:
    """A moderation decision was recorded (reviews/moderation/record.py): the public log."""
    pagecache.changed(MODERATION_LOG)


def sanctions_changed(user_pk: int) -> None:
    pagecache.changed(sanctions_of(user_pk))


def reports_changed() -> None:
    """A report was filed or deleted: which comments wait on the desk."""
    pagecache.changed(WAITING)


def names_changed(user, profile=None) -> None:
    """What the site shows of a person changed (their display name, username, when they
    joined): pages that show them depend on their user's or profile's stamp."""
    pagecache.changed_objects(user, *([profile] if profile else []))


def account_deleted(
    user,
    *,
    reviews_commented: set[int],
    entries_commented: Iterable[int] = (),
    scenes_commented: Iterable[int] = (),
) -> None:
    """An account goes: its comments stay as placeholders, its reports and likes go."""
    names_changed(user)
    pagecache.changed(
        *map(discussion, reviews_commented - {None}),
        *map(notes, reviews_commented - {None}),
        *map(entry_discussion, set(entries_commented) - {None}),
        *map(scene_discussion, set(scenes_commented) - {None}),
        WAITING,
    )


# --- Readers' ratings, diaries and watchlists (reviews/diary) --------------------------------


def diary_of(user_pk: int) -> str:
    """A reader's diary, ratings and watchlist as their pages, feed and profile show them."""
    return f"reviews.diary-of:{user_pk}"


def reader_reviews(film_pk: int) -> str:
    """Which reader reviews of a film are public, and what they show."""
    return f"reviews.reader-reviews:{film_pk}"


def film_scores(film_pk: int) -> str:
    """The readers' score a film's row keeps (`reader_score_counts`): apart from the film's own
    stamp, so that a rating leaves the parts that show the film but not its score alone."""
    return f"reviews.film-scores:{film_pk}"


def ratings_changed(*, film_pk: int, reader_pk: int) -> None:
    """The film's readers' score and the reader's ratings."""
    pagecache.changed(film_scores(film_pk), diary_of(reader_pk))


def diary_changed(entry, *, waiting: bool = False) -> None:
    """An entry was logged, edited, liked, decided on, reported or deleted (a reader review
    tagged with a time shows on its scene's page: the film's reader reviews say so)."""
    changed = [pagecache.stamp(entry), diary_of(entry.reader_id), reader_reviews(entry.film_id)]
    pagecache.changed(*changed, *([WAITING] if waiting else []))


def watchlist_changed(*, reader_pk: int) -> None:
    pagecache.changed(diary_of(reader_pk))


def diary_privacy_changed(*, reader_pk: int, film_pks: Iterable[int]) -> None:
    """A reader made their diary private or public: every film they reviewed shows it or not."""
    pagecache.changed(diary_of(reader_pk), *map(reader_reviews, film_pks))
