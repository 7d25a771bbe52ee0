from __future__ import annotations

import math

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from films.models import Film
from reviews.markdown import render_article

WORDS_READ_PER_MINUTE = 230


class Profile(models.Model):
    """What the site shows about a user: the byline of an editor, the name of a reader."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(max_length=80)
    bio = models.TextField(blank=True, max_length=600)

    def __str__(self) -> str:
        return self.display_name


class ReviewQuerySet(models.QuerySet):
    def published(self) -> ReviewQuerySet:
        """Reviews a reader may see now: scheduled ones appear by themselves when due."""
        return self.filter(status=Review.Status.PUBLISHED, publish_at__lte=timezone.now())

    def drafts(self) -> ReviewQuerySet:
        return self.filter(status=Review.Status.DRAFT)

    def scheduled(self) -> ReviewQuerySet:
        """Published by an editor, but not due yet."""
        return self.filter(status=Review.Status.PUBLISHED, publish_at__gt=timezone.now())

    def for_listing(self) -> ReviewQuerySet:
        """The plan for review cards: film and author byline in the same query."""
        return self.select_related("film", "author__profile").defer("body", "body_html")


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

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__range=(1, 10)), name="review_rating_range"
            ),
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(publish_at__isnull=False),
                name="review_published_has_publish_at",
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
