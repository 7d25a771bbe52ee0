"""The tombstone a taken-down comment or reader review leaves: its category and date."""

import pytest
from django.db import IntegrityError, transaction

from reviews.discussion.models import Comment
from reviews.moderation import services
from reviews.moderation.models import ModerationDecision
from reviews.removals import RemovalCategory
from tests.factories import CommentFactory, CommentReportFactory, DiaryEntryFactory

Action = ModerationDecision.Action
pytestmark = pytest.mark.django_db


def test_removing_a_published_comment_leaves_its_category_and_date(moderator):
    comment = CommentFactory()

    services.comment_decide(
        comment=comment, moderator=moderator, action=Action.REMOVE, category="harassment"
    )

    comment.refresh_from_db()
    assert comment.removal_category == RemovalCategory.HARASSMENT
    assert comment.removed_at is not None
    assert comment.decisions.get().category == RemovalCategory.HARASSMENT


def test_upholding_reports_names_the_reporters_commonest_reason(moderator):
    comment = CommentFactory()
    CommentReportFactory.create_batch(2, comment=comment, reason="spoilers")
    CommentReportFactory(comment=comment, reason="spam")

    services.comment_decide(comment=comment, moderator=moderator, action=Action.UPHOLD_REPORTS)

    comment.refresh_from_db()
    assert comment.status == Comment.Status.REMOVED
    assert comment.removal_category == RemovalCategory.SPOILERS


def test_spam_caught_before_publication_leaves_no_tombstone(moderator):
    comment = CommentFactory(status=Comment.Status.PENDING)

    services.comment_decide(comment=comment, moderator=moderator, action=Action.SPAM)

    comment.refresh_from_db()
    assert (comment.removal_category, comment.removed_at) == ("", None)
    assert comment.decisions.get().category == RemovalCategory.SPAM


def test_restoring_clears_the_tombstone(moderator):
    comment = CommentFactory()
    services.comment_decide(comment=comment, moderator=moderator, action=Action.REMOVE)

    services.comment_decide(comment=comment, moderator=moderator, action=Action.RESTORE)

    comment.refresh_from_db()
    assert (comment.status, comment.removal_category, comment.removed_at) == ("approved", "", None)


def test_a_removed_reader_review_leaves_a_tombstone(moderator):
    entry = DiaryEntryFactory(review="A review with a spoiler in it.")

    services.entry_decide(
        entry=entry, moderator=moderator, action=Action.REMOVE, category="spoilers"
    )

    entry.refresh_from_db()
    assert entry.removal_category == RemovalCategory.SPOILERS
    assert entry.removed_at is not None


def test_the_database_refuses_a_tombstone_on_a_published_comment():
    comment = CommentFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Comment.objects.filter(pk=comment.pk).update(removal_category="spam")
