"""Editorial review articles. The app's other models live in its packages (discussion,
moderation, readers), each in its own models module; importing them here is how Django finds
them, all under the one app label "reviews"."""

from __future__ import annotations

import math

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from films.models import Film, weighted_search_vector
from reviews.markdown import render_article

WORDS_READ_PER_MINUTE = 230
SCORES = range(1, 11)  # a rating out of ten, shown as five stars with halves


def rating_summary(ratings: models.QuerySet, field: str) -> dict:
    """The average of `field` (1-10) over `ratings`, their count, and a bar for each score
    from 10 down, in one query: `average_rating`, `review_count`, `histogram`."""
    counts = ratings.aggregate(
        average=models.Avg(field),
        total=models.Count(field),
        **{f"r{score}": models.Count("pk", filter=models.Q(**{field: score})) for score in SCORES},
    )
    most = max([counts[f"r{score}"] for score in SCORES] + [1])
    histogram = [
        {
            "score": score,
            "count": counts[f"r{score}"],
            "percent": round(100 * counts[f"r{score}"] / most),
        }
        for score in reversed(SCORES)
    ]
    return {
        "average_rating": counts["average"],
        "review_count": counts["total"],
        "histogram": histogram,
    }


class ReviewQuerySet(models.QuerySet):
    def published(self) -> ReviewQuerySet:
        """Reviews a reader may see now: scheduled ones appear by themselves when due."""
        return self.filter(status=Review.Status.PUBLISHED, publish_at__lte=timezone.now())

    def scheduled(self) -> ReviewQuerySet:
        """Published by an editor, but not due yet."""
        return self.filter(status=Review.Status.PUBLISHED, publish_at__gt=timezone.now())

    def rating_summary(self) -> dict:
        """The critics' average, count and histogram (see `rating_summary`)."""
        return rating_summary(self, "rating")

    def for_listing(self) -> ReviewQuerySet:
        """The plan for review cards: film and author byline in the same query."""
        # A correlated subquery rather than a JOIN + GROUP BY: it counts only for the rows
        # shown, and leaves the model's ordering alone.
        from reviews.discussion.models import Comment

        approved_comments = (
            Comment.objects.public()
            .filter(review=models.OuterRef("pk"))
            .order_by()
            .values("review")
            .annotate(total=models.Count("pk"))
            .values("total")
        )
        return (
            self.select_related("film", "author__profile")
            .defer("body", "body_html")
            .annotate(comment_count=Coalesce(models.Subquery(approved_comments), 0))
        )


class Review(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"

    film = models.ForeignKey(Film, on_delete=models.PROTECT, related_name="reviews")
    headline = models.CharField(max_length=200)
    slug = models.SlugField(max_length=200, unique=True)
    standfirst = models.CharField(
        max_length=300, help_text="One or two sentences shown under the headline and in lists."
    )
    body = models.TextField(help_text="Markdown: ## headings, *emphasis*, links, lists, > quotes.")
    body_html = models.TextField(editable=False, default="")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="reviews",
        limit_choices_to={"groups__name": "Editors"},
    )
    rating = models.PositiveSmallIntegerField(help_text="From 1 to 10; shown as five stars.")
    contains_spoilers = models.BooleanField(default=False)
    status = models.CharField(max_length=10, choices=Status, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        null=True,
        blank=True,
        db_index=True,
        help_text="When a published review goes live. A future time schedules it.",
    )
    reading_time = models.PositiveSmallIntegerField(editable=False, default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # For the site search: headline above standfirst above body (the Markdown source).
    search_vector = weighted_search_vector("english", a=("headline",), b="standfirst", c="body")

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        indexes = [GinIndex(fields=["search_vector"], name="review_search_vector")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__range=(1, 10)),
                name="review_rating_range",
                violation_error_message="The rating must be from 1 to 10.",
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(publish_at__isnull=False),
                name="review_published_has_publish_at",
                violation_error_message="A published review needs a publication time.",
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        # Derived from the body of this same row, so each page view need not redo it.
        self.body_html = render_article(self.body)
        self.reading_time = max(1, math.ceil(len(self.body.split()) / WORDS_READ_PER_MINUTE))
        if (update_fields := kwargs.get("update_fields")) and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_html", "reading_time"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("reviews:review-detail", kwargs={"slug": self.slug})

    def get_preview_url(self) -> str:
        return reverse("reviews:review-preview", kwargs={"pk": self.pk})

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def stars(self) -> float:
        """The 1-10 rating as five stars with halves."""
        return self.rating / 2


from reviews.diary.letterboxd.models import LetterboxdImport, LetterboxdImportRow  # noqa: E402
from reviews.diary.models import (  # noqa: E402
    DiaryEntry,
    Rating,
    ReaderReviewLike,
    WatchlistEntry,
)
from reviews.discussion.models import (  # noqa: E402
    Comment,
    CommentLike,
    CommentReport,
    CommentRevision,
)
from reviews.moderation.models import (  # noqa: E402
    BlockedTerm,
    ModerationDecision,
    ReaderReviewReport,
    Sanction,
)
from reviews.readers.models import Profile  # noqa: E402

__all__ = [
    "BlockedTerm",
    "Comment",
    "CommentLike",
    "CommentReport",
    "CommentRevision",
    "DiaryEntry",
    "LetterboxdImport",
    "LetterboxdImportRow",
    "ModerationDecision",
    "Profile",
    "Rating",
    "ReaderReviewLike",
    "ReaderReviewReport",
    "Review",
    "Sanction",
    "WatchlistEntry",
]
