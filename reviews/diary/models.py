"""What readers keep of the films they see: their ratings, a diary of watches (whose review
text is a reader review), and a watchlist."""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils import timezone

from films.models import Film
from reviews.discussion.models import Comment
from reviews.markdown import render_comment

REVIEW_MAX_LENGTH = 10_000
TAG_MAX_LENGTH = 40


def score_field(**options) -> models.PositiveSmallIntegerField:
    """Half a star to five stars in half-star steps, kept as 1-10."""
    return models.PositiveSmallIntegerField(
        choices=[(score, f"{score / 2:g} stars") for score in range(1, 11)], **options
    )


def score_in_range(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(score__range=(1, 10)) | models.Q(score__isnull=True), name=name
    )


class Rating(models.Model):
    """A reader's rating of a film: one per reader and film, changed in place."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="ratings"
    )
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="reader_ratings")
    score = score_field()
    rated_at = models.DateTimeField(default=timezone.now)

    class Meta:
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


class DiaryEntry(models.Model):
    """A reader watched a film on a day: a diary entry, perhaps with a rating and a review."""

    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="diary_entries"
    )
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="diary_entries")
    watched_on = models.DateField(default=timezone.localdate)
    rewatch = models.BooleanField(default=False)
    score = score_field(null=True, blank=True)
    tags = ArrayField(models.CharField(max_length=TAG_MAX_LENGTH), default=list, blank=True)
    # The reader review: Markdown, sanitised as comments are, moderated as comments are.
    review = models.TextField(blank=True, max_length=REVIEW_MAX_LENGTH)
    review_html = models.TextField(editable=False, default="")
    contains_spoilers = models.BooleanField(default=False)
    review_status = models.CharField(
        max_length=10, choices=Comment.Status, default=Comment.Status.APPROVED
    )
    held_reason = models.CharField(max_length=200, blank=True)
    moderation_reason = models.CharField(max_length=300, blank=True)
    like_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)

    objects = DiaryEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-watched_on", "-created_at", "-id"]
        verbose_name_plural = "diary entries"
        constraints = [score_in_range("diary_score_range")]
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
        self.review_html = render_comment(self.review) if self.review else ""
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


class ReaderReviewLike(models.Model):
    entry = models.ForeignKey(DiaryEntry, on_delete=models.CASCADE, related_name="likes")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reader_review_likes"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "user"], name="reader_review_like_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} likes the review in diary entry {self.entry_id}"


class WatchlistEntry(models.Model):
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watchlist"
    )
    film = models.ForeignKey(Film, on_delete=models.CASCADE, related_name="watchlisted")
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-added_at", "-id"]
        verbose_name_plural = "watchlist entries"
        constraints = [
            models.UniqueConstraint(fields=["reader", "film"], name="watchlist_once_per_film")
        ]

    def __str__(self) -> str:
        return f"{self.film} on {self.reader}'s watchlist"
