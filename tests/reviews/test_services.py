from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from reviews.models import Review
from reviews.services import review_publish, review_unpublish
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


def test_publishing_a_draft_puts_it_live_now():
    review = ReviewFactory(draft=True)
    before = timezone.now()

    review_publish(review=review)

    review.refresh_from_db()
    assert review.status == Review.Status.PUBLISHED
    assert before <= review.publish_at <= timezone.now()
    assert review in Review.objects.published()


def test_publishing_at_a_future_time_schedules_the_review():
    review = ReviewFactory(draft=True)
    at = timezone.now() + timedelta(days=2)

    review_publish(review=review, at=at)

    review.refresh_from_db()
    assert review.publish_at == at
    assert review in Review.objects.scheduled()
    assert review not in Review.objects.published()


def test_publishing_a_scheduled_review_keeps_its_time():
    review = ReviewFactory(scheduled=True)
    scheduled_for = review.publish_at

    review_publish(review=review)

    review.refresh_from_db()
    assert review.publish_at == scheduled_for
    assert review in Review.objects.scheduled()


def test_republishing_an_unpublished_review_keeps_its_original_date():
    review = ReviewFactory(publish_at=timezone.now() - timedelta(days=30))
    first_published = review.publish_at
    review_unpublish(review=review)

    review_publish(review=review)

    review.refresh_from_db()
    assert review.publish_at == first_published
    assert review.is_public


def test_publishing_refuses_an_invalid_review_and_writes_nothing():
    review = ReviewFactory(draft=True)
    review.rating = 11

    with pytest.raises(ValidationError, match="The rating must be from 1 to 10"):
        review_publish(review=review)

    review.refresh_from_db()
    assert review.status == Review.Status.DRAFT
    assert review.publish_at is None
    assert review.rating == 8


def test_publishing_saves_only_the_publication_fields():
    review = ReviewFactory(draft=True, headline="Saved headline")
    review.headline = "Unsaved edit in memory"

    review_publish(review=review)

    review.refresh_from_db()
    assert review.headline == "Saved headline"
    assert review.status == Review.Status.PUBLISHED


@pytest.mark.parametrize("trait", ["published", "scheduled"])
def test_unpublishing_takes_a_review_off_every_public_list(trait):
    review = ReviewFactory(scheduled=trait == "scheduled")
    before = review.updated_at

    review_unpublish(review=review)

    review.refresh_from_db()
    assert review.status == Review.Status.DRAFT
    assert review in Review.objects.filter(status=Review.Status.DRAFT)
    assert review not in Review.objects.published()
    assert review not in Review.objects.scheduled()
    assert review.updated_at > before
