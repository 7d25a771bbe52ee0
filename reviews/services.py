"""Editors' changes to review articles: saving, publishing, unpublishing, deleting. The admin,
commands and the shell all go through these, so no page is left stale."""

from __future__ import annotations

from datetime import datetime

from django.db import models, transaction
from django.utils import timezone

from reviews import stamps
from reviews.models import Review
from reviews.notes.services import paragraphs_sync


@transaction.atomic
def review_save(*, review: Review) -> Review:
    """Create or change a review (its text, language, film, byline, rating or publication)."""
    old_film_id, old_original_id = (
        Review.objects.filter(pk=review.pk)
        .values_list("film_id", models.F("translation_of_id"))
        .first()
    ) or (None, None)
    review.full_clean()
    review.save()
    paragraphs_sync(review=review)  # the body's anchors, and its HTML with them
    stamps.review_changed(
        review, old_film_id=old_film_id, old_original_id=old_original_id or review.pk
    )
    return review


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
    stamps.review_changed(review)
    return review


@transaction.atomic
def review_unpublish(*, review: Review) -> Review:
    """Take a review back to draft; it disappears from every public page at once."""
    review.status = Review.Status.DRAFT
    review.save(update_fields=["status", "updated_at"])
    stamps.review_changed(review)
    return review


@transaction.atomic
def review_delete(*, review: Review) -> None:
    """Delete a review and its discussion; the moderation record keeps its decisions."""
    stamps.review_deleted(review)
    review.delete()
