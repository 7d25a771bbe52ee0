"""Editors' changes to review articles that have rules or side effects."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from config import pagecache
from reviews.discussion.models import Comment
from reviews.models import Review
from reviews.moderation import queue


@transaction.atomic
def review_publish(*, review: Review, at: datetime | None = None) -> Review:
    """Publish a review now, or schedule it for `at`.

    A review already scheduled keeps its time unless `at` is given; a draft with no time
    goes live now.
    """
    review.status = Review.Status.PUBLISHED
    if at is not None:
        review.publish_at = at
    elif review.publish_at is None:
        review.publish_at = timezone.now()
    review.full_clean()
    review.save(update_fields=["status", "publish_at", "updated_at"])
    pagecache.review_changed(review, publication=True)
    return review


@transaction.atomic
def review_unpublish(*, review: Review) -> Review:
    """Take a review back to draft; it disappears from every public page at once."""
    review.status = Review.Status.DRAFT
    review.save(update_fields=["status", "updated_at"])
    pagecache.review_changed(review, publication=True)
    return review


def review_renamed(*, review: Review) -> None:
    """The review's headline or address changed (in the admin): the desk shows both beside
    its waiting comments, and the headline in its filter."""
    queue.shows_changed(Comment.objects.filter(review=review))
