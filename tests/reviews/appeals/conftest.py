"""Shared by the appeals' tests: a removed comment and reader review, their author, the
moderator who removed them and another who may decide their appeals."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from reviews.discussion.models import Comment
from reviews.moderation import services as moderation
from reviews.moderation.models import ModerationDecision
from tests.factories import (
    CommentFactory,
    DiaryEntryFactory,
    ModerationDecisionFactory,
    ModeratorFactory,
    UserFactory,
)

Action = ModerationDecision.Action


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def author(db):
    return UserFactory(username="haneul")


@pytest.fixture
def remover(db):
    return ModeratorFactory(username="sirius")


@pytest.fixture
def decider(db):
    return ModeratorFactory(username="vega")


@pytest.fixture
def removed_comment(author, remover):
    comment = CommentFactory(author=author, body="The villain is the mother, obviously.")
    moderation.comment_decide(
        comment=comment,
        moderator=remover,
        action=Action.REMOVE,
        category="spoilers",
        reason="Tells the ending without a spoiler tag.",
        note="Third time this week.",
    )
    comment.refresh_from_db()
    return comment


@pytest.fixture
def removed_entry(author, remover):
    entry = DiaryEntryFactory(reader=author, review="A review telling the whole ending.")
    moderation.entry_decide(
        entry=entry, moderator=remover, action=Action.REMOVE, category="spoilers", reason="Spoils"
    )
    entry.refresh_from_db()
    return entry


def removed_days_ago(days: int, author, remover) -> Comment:
    """A comment taken down `days` ago (the decision's date set, as the record cannot be
    changed afterwards)."""
    when = timezone.now() - timedelta(days=days)
    comment = CommentFactory(
        author=author, status="removed", removal_category="harassment", removed_at=when
    )
    ModerationDecisionFactory(
        comment=comment,
        moderator=remover,
        action=Action.REMOVE,
        from_status="approved",
        to_status="removed",
        category="harassment",
        created_at=when,
    )
    return comment
