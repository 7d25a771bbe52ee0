"""Shared by the desk's tests: its addresses, a clean cache, and helpers."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from reviews.discussion.models import Comment
from reviews.moderation.models import ModerationDecision
from tests.factories import ModeratorFactory

Action = ModerationDecision.Action
Status = Comment.Status
QUEUE = reverse("moderation:queue")
BULK = reverse("moderation:bulk-decide")
BLOCKLIST = reverse("moderation:blocklist")
DASHBOARD = reverse("moderation:dashboard")
DECISIONS = reverse("moderation:decisions")


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    cache.clear()
    yield
    cache.clear()


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def queued(response) -> list:
    """The queue's items (QueueItem) on the page, in order."""
    return [item for item, _html in response.context["page_obj"].object_list]


def ago(**delta):
    return timezone.now() - timedelta(**delta)


def decide_url(comment) -> str:
    return reverse("moderation:decide", args=[comment.pk])


def sanction_url(user) -> str:
    return reverse("moderation:sanction", args=[user.pk])


@pytest.fixture
def mod(db):
    return ModeratorFactory(username="vega")
