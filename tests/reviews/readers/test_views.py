"""A reader's public profile page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from reviews.discussion.models import Comment
from tests.factories import (
    CommentFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOME = reverse("home")
REVIEW_LIST = reverse("reviews:review-list")


def test_reader_profile_dates_comments_without_microseconds(client):
    comment = CommentFactory(author=UserFactory(username="haneul"))
    created_at = timezone.now().replace(microsecond=123456)
    Comment.objects.filter(pk=comment.pk).update(created_at=created_at)

    response = client.get(reverse("readers:profile", args=["haneul"]))

    # The HTML validator rejects the fractional seconds that |date:"c" prints.
    expected = timezone.localtime(created_at).strftime("%Y-%m-%dT%H:%M:%S%z")
    assert f'<time datetime="{expected}">' in response.text
    assert "123456" not in response.text
