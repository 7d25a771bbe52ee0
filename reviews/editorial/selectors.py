"""What the editors' admin reads: scheduled reviews too close together, preview links."""

from __future__ import annotations

from datetime import timedelta
from itertools import pairwise

from django.db import models
from django.utils import timezone

from reviews.editorial.models import PreviewLink, preview_link_id
from reviews.models import Review

# Two reviews scheduled less than this apart share readers' attention (and the home page).
CLASH_WINDOW = timedelta(hours=1)


def _scheduled_near(moment, review) -> models.QuerySet:
    """Scheduled reviews other than `review` going live less than an hour from `moment`
    (values, or references to the outer query's row)."""
    return (
        Review.objects.scheduled()
        .filter(publish_at__gt=moment - CLASH_WINDOW, publish_at__lt=moment + CLASH_WINDOW)
        .exclude(pk=review)
    )


def with_schedule_clash(reviews: models.QuerySet) -> models.QuerySet:
    """Each review with `schedule_clash`: it is scheduled, and another scheduled review goes
    live less than an hour before or after it (in the same query)."""
    is_scheduled = models.Q(status=Review.Status.PUBLISHED, publish_at__gt=timezone.now())
    clash = models.Exists(_scheduled_near(models.OuterRef("publish_at"), models.OuterRef("pk")))
    return reviews.annotate(
        schedule_clash=models.ExpressionWrapper(
            is_scheduled & clash, output_field=models.BooleanField()
        )
    )


def schedule_clashes() -> list[tuple[Review, Review]]:
    """Neighbouring pairs of scheduled reviews less than an hour apart, soonest first."""
    scheduled = list(
        Review.objects.scheduled().only("pk", "headline", "publish_at").order_by("publish_at", "pk")
    )
    return [(a, b) for a, b in pairwise(scheduled) if b.publish_at - a.publish_at < CLASH_WINDOW]


def scheduled_near(review: Review) -> list[Review]:
    """Other scheduled reviews less than an hour from `review`'s time."""
    if not review.is_scheduled:
        return []
    return list(
        _scheduled_near(review.publish_at, review.pk)
        .only("pk", "headline", "publish_at")
        .order_by("publish_at")
    )


def preview_link_from_token(token: str) -> PreviewLink | None:
    """The link a token names with its review, film and byline; None when the token was not
    signed by us or names no link."""
    pk = preview_link_id(token)
    if pk is None:
        return None
    return (
        PreviewLink.objects.select_related("review__film", "review__author__profile")
        .filter(pk=pk)
        .first()
    )
