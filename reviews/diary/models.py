"""What readers keep of the films they see: their ratings, a diary of watches (whose review
text is a reader review), and a watchlist."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from films.models import Film
from films.timecodes import IN_TEXT
from reviews.discussion.models import Comment
from reviews.markdown import render_comment
from reviews.removals import RemovalCategory

REVIEW_MAX_LENGTH = 10_000
TAG_MAX_LENGTH = 40


def half_stars(score: int) -> str:
    """A 1-10 score named in stars: "1 star", "3.5 stars"."""
    if score == 2:
        return _("1 star")
    return format_lazy(_("{stars} stars"), stars=f"{score / 2:g}")


def score_field(**options) -> models.PositiveSmallIntegerField:
    """Half a star to five stars in half-star steps, kept as 1-10."""
    return models.PositiveSmallIntegerField(
        _("rating"), choices=[(score, half_stars(score)) for score in range(1, 11)], **options
    )


def score_in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(score__range=(1, 10)) | models.Q(score__isnull=True), name=name
    )


class Rating(models.Model):
    """A reader's rating of a film: one per reader and film, changed in place."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="ratings",
        verbose_name=_("reader"),
    )
    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, related_name="reader_ratings", verbose_name=_("film")
    )
    score = score_field()
    rated_at = models.DateTimeField(_("rated at"), default=timezone.now)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(fields=["reader", "film"], name="rating_once_per_film"),
            score_in_range("rating_score_range"),
        ]
        # A film's average, count and histogram from the index alone.
        indexes = [models.Index(fields=["film", "score"], name="rating_film_score")]

    def __str__(self) -> str:
        return f"{self.reader} rates {self.film}: {self.score}/10"


class DiaryEntryQuerySet(models.QuerySet):
    def public(self) -> DiaryEntryQuerySet:
        """Entries anyone may see: from diaries their readers keep public, by live accounts."""
        return self.filter(reader__is_active=True, reader__profile__diary_private=False)

    def visible_to(self, user) -> DiaryEntryQuerySet:
        """Public entries, and every entry of the reader's own."""
        if user.is_authenticated:
            return self.filter(
                models.Q(reader=user)
                | models.Q(reader__is_active=True, reader__profile__diary_private=False)
            )
        return self.public()

    def reviews(self) -> DiaryEntryQuerySet:
        """Entries with a review text: reader reviews."""
        return self.exclude(review="")

    def published_reviews(self) -> DiaryEntryQuerySet:
        """Reader reviews every reader sees: public entries whose review a moderator let through."""
        return self.public().reviews().filter(review_status=Comment.Status.APPROVED)

    def reviews_in_place(self) -> DiaryEntryQuerySet:
        """Published reader reviews and the tombstones of those taken down since, as lists in
        time order show them (a tombstone in the taken-down review's place)."""
        return (
            self.public()
            .reviews()
            .filter(models.Q(review_status=Comment.Status.APPROVED) | ~models.Q(removed_at=None))
        )


class DiaryEntry(models.Model):
    """A reader watched a film on a day: a diary entry, perhaps with a rating and a review."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="diary_entries",
        verbose_name=_("reader"),
    )
    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, related_name="diary_entries", verbose_name=_("film")
    )
    watched_on = models.DateField(_("watched on"), default=timezone.localdate)
    rewatch = models.BooleanField(_("rewatch"), default=False)
    score = score_field(null=True, blank=True)
    tags = ArrayField(
        models.CharField(max_length=TAG_MAX_LENGTH),
        verbose_name=_("tags"),
        default=list,
        blank=True,
    )
    # The reader review: Markdown, sanitised as comments are, moderated as comments are.
    review = models.TextField(_("review"), blank=True, max_length=REVIEW_MAX_LENGTH)
    review_html = models.TextField(editable=False, default="")
    contains_spoilers = models.BooleanField(_("contains spoilers"), default=False)
    # The point in the film the review is about, in seconds (films/timecodes.py), if any.
    timecode = models.PositiveIntegerField(_("timecode"), null=True, blank=True)
    review_status = models.CharField(
        _("review status"), max_length=10, choices=Comment.Status, default=Comment.Status.APPROVED
    )
    held_reason = models.CharField(_("held because"), max_length=200, blank=True)
    moderation_reason = models.CharField(_("moderator's reason"), max_length=300, blank=True)
    # As a comment's: taken down after publication, when and why (its tombstone).
    removal_category = models.CharField(
        _("removal category"), max_length=12, choices=RemovalCategory, blank=True, db_default=""
    )
    removed_at = models.DateTimeField(_("removed at"), null=True, blank=True)
    like_count = models.PositiveIntegerField(_("likes"), default=0)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)

    objects = DiaryEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-watched_on", "-created_at", "-id"]
        verbose_name = _("diary entry")
        verbose_name_plural = _("diary entries")
        constraints = [
            score_in_range("diary_score_range"),
            models.CheckConstraint(
                condition=models.Q(removed_at__isnull=True, removal_category="")
                | models.Q(removed_at__isnull=False, review_status__in=["removed", "spam"])
                & ~models.Q(removal_category=""),
                name="diary_tombstone_when_taken_down",
            ),
        ]
        indexes = [
            models.Index(fields=["reader", "-watched_on", "-created_at"], name="diary_by_reader"),
            models.Index(
                fields=["film", "review_status", "-created_at"],
                condition=~models.Q(review=""),
                name="diary_reviews_of_film",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reader} watched {self.film} on {self.watched_on}"

    def save(self, *args, **kwargs) -> None:
        # The film only when the text names a time in it (its times become links).
        film = self.film if IN_TEXT.search(self.review) else None
        self.review_html = render_comment(self.review, film=film) if self.review else ""
        if (update_fields := kwargs.get("update_fields")) and "review" in update_fields:
            kwargs["update_fields"] = {*update_fields, "review_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("diary:entry", kwargs={"pk": self.pk})

    @property
    def is_review(self) -> bool:
        return bool(self.review)


class ReaderReview(DiaryEntry):
    """The diary entries that carry a review, as the admin lists them apart."""

    class Meta:
        proxy = True
        verbose_name = _("reader review")
        verbose_name_plural = _("reader reviews")


class ReaderReviewLike(models.Model):
    entry = models.ForeignKey(
        DiaryEntry, on_delete=models.CASCADE, related_name="likes", verbose_name=_("diary entry")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reader_review_likes",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("reader review like")
        verbose_name_plural = _("reader review likes")
        constraints = [
            models.UniqueConstraint(fields=["entry", "user"], name="reader_review_like_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} likes the review in diary entry {self.entry_id}"


class WatchlistEntry(models.Model):
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="watchlist",
        verbose_name=_("reader"),
    )
    film = models.ForeignKey(
        Film, on_delete=models.CASCADE, related_name="watchlisted", verbose_name=_("film")
    )
    added_at = models.DateTimeField(_("added at"), default=timezone.now)

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name = _("watchlist entry")
        verbose_name_plural = _("watchlist entries")
        constraints = [
            models.UniqueConstraint(fields=["reader", "film"], name="watchlist_once_per_film")
        ]

    def __str__(self) -> str:
        return f"{self.film} on {self.reader}'s watchlist"
